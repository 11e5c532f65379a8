import { describe, expect, it } from 'vitest';
import { articleFromService, deriveTitle, parseTags, searchArticles } from './knowledge';

const service = {
  id: 's1', completed: true, serviceType: 'support', contactType: 'phone',
  content: '打印机无法连接网络。检查发现 IP 地址冲突，重新分配后恢复。\n客户确认正常。',
};

describe('articleFromService', () => {
  it('derives title, body, tags and the source from a completed record', () => {
    const r = articleFromService(service);
    expect(r).toEqual({
      ok: true,
      value: { title: '打印机无法连接网络', body: service.content, category: 'faq', tags: '技术支持, 电话', sourceServiceId: 's1' },
    });
  });

  it('uses the workspace dictionary labels when given', () => {
    const r = articleFromService(service, (d, c) => `${d}:${c}`);
    expect(r.ok && r.value.tags).toBe('serviceType:support, contactType:phone');
  });

  it('refuses a record that is not completed, with a message', () => {
    for (const completed of [false, undefined, 'true', 1]) {
      const r = articleFromService({ ...service, completed });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.refusal.message.zh).toMatch(/尚未完成/);
      expect(!r.ok && r.refusal.message.en).toMatch(/completed/);
    }
  });

  it('refuses deleted, empty or malformed records', () => {
    expect(articleFromService({ ...service, deleted: true }).ok).toBe(false);
    expect(articleFromService({ ...service, content: { x: 1 } }).ok).toBe(false);
    expect(articleFromService({ ...service, id: 3 }).ok).toBe(false);
  });

  it('cuts long titles by character, with an ellipsis', () => {
    const long = '很'.repeat(60);
    expect(Array.from(deriveTitle(long))).toHaveLength(40);
    expect(deriveTitle(long).endsWith('…')).toBe(true);
    expect(deriveTitle('\n\n  How to reset? Then log in.')).toBe('How to reset?');
  });
});

describe('searchArticles', () => {
  const articles = [
    { id: 'a', title: '发票开具流程', body: '打印机 需要先安装驱动', tags: '财务' },
    { id: 'b', title: '打印机无法连接', body: 'IP 冲突时重新分配', tags: '技术支持, 打印' },
    { id: 'c', title: '安装 ERP 客户端', body: '下载后运行安装程序', tags: ['安装', 'ERP'] },
    { id: 'd', title: '打印机卡纸', body: '旧文章', tags: '', deleted: true },
    { id: 'e', title: 42, body: null, tags: { x: 1 } },
    { id: 'f', title: '常见问题', body: '', tags: '打印机' },
  ];
  const ids = (q: string) => searchArticles(articles, q).map((a) => a.id);

  it('matches Chinese by substring, title hits first, then tags, then body; deleted left out', () => {
    expect(ids('打印')).toEqual(['b', 'f', 'a']);
  });

  it('is case-insensitive and folds full-width letters', () => {
    expect(ids('erp')).toEqual(['c']);
    expect(ids('ＥＲＰ')).toEqual(['c']);
    expect(ids('ip')).toEqual(['b']);
  });

  it('requires every term', () => {
    expect(ids('打印 冲突')).toEqual(['b']);
    expect(ids('打印，发票')).toEqual(['a']);
    expect(ids('打印 不存在')).toEqual([]);
  });

  it('an empty query returns every live article in order, without crashing on malformed ones', () => {
    expect(ids('  ')).toEqual(['a', 'b', 'c', 'e', 'f']);
  });

  it('parseTags splits on commas, 、 and spaces', () => {
    expect(parseTags('打印、网络, ERP；安装  x')).toEqual(['打印', '网络', 'ERP', '安装', 'x']);
    expect(parseTags(7)).toEqual([]);
  });
});
