import { describe, expect, it } from 'vitest';
import { seededWorkspace } from '../test-workspace';
import { both, peer } from '../core/test-peers';
import { seedWorkspace } from '../org/setup';
import { entityDef, saveRecord } from '../core/records';
import { canCommentPlan, commentPlan, markRead, planCommentsOf, readersOf } from './office';
import type { Workspace } from '../core/workspace';

const save = (ws: Workspace, values: Record<string, unknown>, id?: string, userId?: string) => saveRecord(ws, entityDef(ws, 'workPlans'), values, id, { userId });

/** A department managed by 李经理 with 张三 (a rep) in it. */
function team(ws: Workspace) {
  ws.collection('departments').create({ name: '销售一部', code: 'D9', manager: 'mgr' }, 'd9');
  ws.collection('users').create({ name: '李经理', code: 'E9', roleId: 'role-member', departmentId: 'd9', active: true }, 'mgr');
  ws.collection('users').create({ name: '张三', code: 'E10', roleId: 'role-rep', departmentId: 'd9', active: true }, 'zs');
  ws.collection('users').create({ name: '王五', code: 'E11', roleId: 'role-rep', active: true }, 'ww');
}

describe('work plans (工作计划/总结)', () => {
  it('the end date follows the mode, a new plan carries the previous content, and once saved only content and summary change', () => {
    const ws = seededWorkspace();
    team(ws);
    const first = save(ws, { mode: 'month', startDate: '2010-12-15', content: '拜访 10 家客户' }, undefined, 'zs');
    expect(first.ok && [first.value.endDate, first.value.title, first.value.ownerId]).toEqual(['2011-01-14', '2010-12-15 ~ 2011-01-14 月', 'zs']);
    const second = save(ws, { mode: 'xun', startDate: '2011-01-15' }, undefined, 'zs');
    expect(second.ok && [second.value.content, second.value.endDate]).toEqual(['拜访 10 家客户', '2011-01-20']);
    // another employee's new plan does not carry 张三's
    const other = save(ws, { mode: 'day', startDate: '2011-01-15', content: '写周报' }, undefined, 'ww');
    expect(other.ok).toBe(true);

    const id = first.ok ? first.value.id : '';
    const edited = save(ws, { content: '拜访 12 家客户', summary: '完成 11 家' }, id, 'zs');
    expect(edited.ok && [edited.value.content, edited.value.summary, edited.value.endDate]).toEqual(['拜访 12 家客户', '完成 11 家', '2011-01-14']);
    for (const patch of [{ startDate: '2010-12-20' }, { mode: 'week' }, { ownerId: 'ww' }]) {
      const r = save(ws, patch, id, 'zs');
      expect(r.ok, JSON.stringify(patch)).toBe(false);
    }
    save(ws, { endDate: '2011-02-01' }, id, 'zs'); // the end follows the mode: it stays
    expect(ws.collection('workPlans').get(id)).toMatchObject({ startDate: '2010-12-15', mode: 'month', ownerId: 'zs', endDate: '2011-01-14' });
  });

  it('a custom period needs its end, not before the start', () => {
    const ws = seededWorkspace();
    expect(save(ws, { mode: 'custom', startDate: '2011-03-01', content: 'x' }).ok).toBe(false);
    expect(save(ws, { mode: 'custom', startDate: '2011-03-01', endDate: '2011-02-01', content: 'x' }).ok).toBe(false);
    const ok = save(ws, { mode: 'custom', startDate: '2011-03-01', endDate: '2011-03-09', content: 'x' });
    expect(ok.ok && ok.value.endDate).toBe('2011-03-09');
  });

  it("the department's manager comments on a rep's plan; the rep and another rep cannot", () => {
    const ws = seededWorkspace();
    team(ws);
    const plan = save(ws, { mode: 'week', startDate: '2011-01-03', content: '跟进恒远' }, undefined, 'zs');
    const id = plan.ok ? plan.value.id : '';
    expect(canCommentPlan(ws, id, 'mgr')).toBe(true);
    expect(canCommentPlan(ws, id, 'zs')).toBe(false);
    expect(commentPlan(ws, id, '好', 'ww').ok).toBe(false);
    expect(commentPlan(ws, id, '请加上报价', 'mgr').ok).toBe(true);
    expect(planCommentsOf(ws, id).map((c) => [c.text, c.authorId])).toEqual([['请加上报价', 'mgr']]);
  });
});

describe('announcements (公告) and read receipts', () => {
  it('a receipt per user, one record even when read on two devices apart', () => {
    const a = peer('u-a');
    seedWorkspace(a, '测试公司', '王老师');
    const b = peer('u-b');
    both(a, b);
    const r = saveRecord(a, entityDef(a, 'announcements'), { title: '年终盘点', body: '12 月 31 日盘点库存', publishDate: '2026-12-01' });
    expect(r.ok).toBe(true);
    const id = r.ok ? r.value.id : '';
    both(a, b);
    markRead(a, id, 'u1');
    markRead(b, id, 'u1');
    markRead(b, id, 'u2');
    markRead(b, id, 'u2');
    both(a, b);
    for (const ws of [a, b]) expect(readersOf(ws, id).map((x) => x.userId).sort()).toEqual(['u1', 'u2']);
    expect(saveRecord(a, entityDef(a, 'announcements'), { title: 'x', body: 'y', publishDate: '2026-12-05', expiryDate: '2026-12-01' }).ok).toBe(false);
  });
});
