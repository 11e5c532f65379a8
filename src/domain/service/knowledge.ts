import { asFlag, asText, isDeleted, type Values } from './read';
import { ok, refuse, type Result } from '../core/result';
import { serviceDictionary } from './dictionaries';

/**
 * Knowledge base (知识库): a solved service record becomes an FAQ article, and articles are
 * found by a plain substring search — Chinese has no spaces between words, so matching parts of
 * words (the way users type 打印 to find 打印机无法连接) is what works without a segmenter.
 */

/** Values of a new article, ready for the store to create. */
export interface ArticleDraft {
  title: string;
  body: string;
  category: string;
  tags: string;
  sourceServiceId: string;
}

export type ArticleResult = Result<ArticleDraft>;

/** Looks up a dictionary option's label (the workspace's edited dictionaries, in the UI language). */
export type DictLabel = (dict: string, code: string) => string | undefined;

const TITLE_MAX = 40;

/** Label from the default dictionaries, in Chinese: used when the caller has no workspace lookup. */
const defaultDictLabel: DictLabel = (dict, code) =>
  serviceDictionary(dict)?.options.find((o) => o.code === code)?.label.zh;

/**
 * Turn a completed service record into an article. Only completed records qualify: an unsolved
 * problem would teach the wrong answer. Title = the content's first sentence, body = the content.
 */
export function articleFromService(service: Values, dictLabel: DictLabel = defaultDictLabel): ArticleResult {
  const id = asText(service.id);
  if (!id) return refuse({ zh: '服务记录无效', en: 'Invalid service record' });
  if (isDeleted(service)) return refuse({ zh: '服务记录已删除', en: 'The service record is deleted' });
  if (!asFlag(service.completed)) {
    return refuse({
      zh: '该服务尚未完成，只有已完成的服务记录才能转为知识库文章',
      en: 'Only a completed service record can become a knowledge article',
    });
  }
  const content = asText(service.content);
  if (!content) return refuse({ zh: '服务内容为空，无法生成文章', en: 'The service record has no content' });
  return ok({ title: deriveTitle(content), body: content, category: 'faq', tags: serviceTags(service, dictLabel), sourceServiceId: id });
}

/** First line, cut at the first sentence end, at most TITLE_MAX characters (with an ellipsis). */
export function deriveTitle(content: string): string {
  const line = content.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '') ?? '';
  const sentence = line.split(/(?<=[。！？!?；;])/)[0].replace(/[。；;]$/, '').trim() || line;
  const chars = Array.from(sentence); // by code point, so a cut never splits a character
  return chars.length > TITLE_MAX ? chars.slice(0, TITLE_MAX - 1).join('') + '…' : sentence;
}

/** Tags from the record's service type and contact type labels (codes alone mean nothing to readers). */
function serviceTags(service: Values, dictLabel: DictLabel): string {
  const tags: string[] = [];
  for (const dict of ['serviceType', 'contactType']) {
    const code = asText(service[dict]);
    const label = code ? asText(dictLabel(dict, code)) : null;
    if (label && !tags.includes(label)) tags.push(label);
  }
  return tags.join(', ');
}

/** Tags of an article: one text separated by commas (, ，), 、, semicolons or spaces; an array also works. */
export function parseTags(v: unknown): string[] {
  const parts = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v.split(/[,，、;；\s]+/) : [];
  return parts.map((t) => t.trim()).filter((t) => t !== '');
}

/** Fold case and full-width forms (ＥＲＰ = erp) so users need not match how an article was typed. */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Search terms: the query split on spaces and Chinese/Latin commas; every term must match. */
function terms(query: string): string[] {
  return fold(query).split(/[\s,，、]+/).filter((t) => t !== '');
}

interface Scored<T> { article: T; title: number; tags: number; body: number; index: number }

/**
 * Live articles matching every term (in title, tags or body), ranked: more terms found in the
 * title first, then in tags, then in the body; ties keep the input order. An empty query returns
 * all live articles in input order.
 */
export function searchArticles<T extends Values>(articles: readonly T[], query: string): T[] {
  const ts = terms(typeof query === 'string' ? query : '');
  const scored: Scored<T>[] = [];
  articles.forEach((a, index) => {
    if (typeof a !== 'object' || a === null || isDeleted(a)) return;
    const s = scoreArticle(a, ts);
    if (s) scored.push({ ...s, article: a, index });
  });
  return scored.sort(byRank).map((s) => s.article);
}

function scoreArticle(a: Values, ts: string[]): Omit<Scored<Values>, 'article' | 'index'> | null {
  const title = fold(asText(a.title) ?? '');
  const tags = parseTags(a.tags).map(fold).join('\n');
  const body = fold(asText(a.body) ?? '');
  let t = 0, g = 0, b = 0;
  for (const term of ts) {
    const inTitle = title.includes(term), inTags = tags.includes(term), inBody = body.includes(term);
    if (!inTitle && !inTags && !inBody) return null;
    t += +inTitle; g += +inTags; b += +inBody;
  }
  return { title: t, tags: g, body: b };
}

function byRank<T>(x: Scored<T>, y: Scored<T>): number {
  return y.title - x.title || y.tags - x.tags || y.body - x.body || x.index - y.index;
}
