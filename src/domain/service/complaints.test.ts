import { describe, expect, it } from 'vitest';
import type { RoleLike } from '../org/modules';
import {
  applyStep, assignedTo, checkHandlerAccess, complaintTarget, currentStatus, nextSteps, timeline,
  validateComplaint, waitingForRevisit, type Person, type StepInput, type StepResult,
} from './complaints';

const supervisorRole: RoleLike = { perm_service: 'approve', scope: 'all' };
const clerkRole: RoleLike = { perm_service: 'write', scope: 'own' };
const handlerRole: RoleLike = { perm_service: 'write', scope: 'department' };
const salesRole: RoleLike = { perm_customers: 'write', scope: 'all' }; // no right on service

const sup: Person = { id: 'sup', name: '王主管', role: supervisorRole };
const clerk: Person = { id: 'clerk', name: '李文员', role: clerkRole };
const han: Person = { id: 'han', name: '赵工', departmentId: 'd-sales', role: handlerRole };
const farHan: Person = { id: 'far', name: '钱工', departmentId: 'd-service', role: handlerRole };
const rep: Person = { id: 'rep', name: '孙销售', role: salesRole };
const owner = { id: 'rep', departmentId: 'd-sales' }; // the customer's 专管业务员

type C = Record<string, unknown>;
const base: C = { id: 'c1', customerId: 'cu1', targetKind: 'product', targetProduct: 'p1', reason: 'quality', details: '打印机卡纸' };

/** Apply: merge the patch and append the step (kept under `steps` here, as the store's rows), failing the test on refusal. */
function step(c: C, s: StepInput, actor: Person, now: number): C {
  const r = applyStep(c, s, actor, now);
  if (!r.ok) throw new Error(r.refusal.message.en);
  return { ...c, ...r.value.patch, steps: [...((c.steps as unknown[]) ?? []), r.value.step] };
}
const stepsOf = (c: C) => c.steps;
const errorOf = (r: StepResult) => (r.ok ? null : r.refusal.message);

/** A complaint taken through the flow up to (and including) `upTo` steps. */
function through(upTo: number): C {
  const steps: [StepInput, Person][] = [
    [{ kind: 'record' }, clerk],
    [{ kind: 'assign', handler: han, owner, comment: '尽快处理' }, sup],
    [{ kind: 'handle', result: '已上门更换搓纸轮' }, han],
    [{ kind: 'revisit', satisfaction: '4', comment: '客户认可' }, sup],
    [{ kind: 'close' }, sup],
  ];
  return steps.slice(0, upTo).reduce((c, [s, who], i) => step(c, s, who, 1000 * (i + 1)), base);
}

describe('complaint flow: every step in order by the right user', () => {
  it('goes recorded → assigned → handled → revisited → closed', () => {
    const statuses = [0, 1, 2, 3, 4, 5].map((n) => currentStatus(through(n)));
    expect(statuses).toEqual([null, 'recorded', 'assigned', 'handled', 'revisited', 'closed']);
  });

  it('returns each step to append (who, when, its data) and mirrors the flat fields on the complaint', () => {
    const r = applyStep(through(1), { kind: 'assign', handler: han, owner, comment: '尽快处理' }, sup, 2000);
    expect(r).toEqual({ ok: true, value: { patch: { status: 'assigned', handlerId: 'han' }, step: { kind: 'assign', by: 'sup', at: 2000, handlerId: 'han', comment: '尽快处理' } } });
    const c = through(5);
    expect(timeline(c.steps)).toEqual([
      { kind: 'record', by: 'clerk', at: 1000 },
      { kind: 'assign', by: 'sup', at: 2000, handlerId: 'han', comment: '尽快处理' },
      { kind: 'handle', by: 'han', at: 3000, result: '已上门更换搓纸轮' },
      { kind: 'revisit', by: 'sup', at: 4000, satisfaction: '4', comment: '客户认可' },
      { kind: 'close', by: 'sup', at: 5000 },
    ]);
    expect([c.handlerId, c.result, c.revisitSatisfaction]).toEqual(['han', '已上门更换搓纸轮', '4']);
  });

  it('does not mutate the complaint it is given', () => {
    const c = through(1);
    const copy = structuredClone(c);
    applyStep(c, { kind: 'assign', handler: han, owner }, sup, 9);
    expect(c).toEqual(copy);
  });

  it('allows reassigning before the result is recorded', () => {
    const other: Person = { id: 'han2', departmentId: 'd-sales', role: handlerRole };
    const c = step(through(2), { kind: 'assign', handler: other, owner }, sup, 2500);
    expect(c.handlerId).toBe('han2');
    expect(errorOf(applyStep(c, { kind: 'handle', result: 'x' }, han, 3000))?.zh).toMatch(/只有被分配的处理人/);
  });
});

describe('complaint flow: no step may be skipped', () => {
  it.each([
    [1, { kind: 'handle', result: 'x' } as StepInput, han, /下一步应为「分配处理人」/],
    [1, { kind: 'close' } as StepInput, sup, /下一步应为「分配处理人」/],
    [2, { kind: 'revisit', satisfaction: '4' } as StepInput, sup, /下一步应为「记录处理结果」/],
    [3, { kind: 'close' } as StepInput, sup, /下一步应为「回访」/],
    [0, { kind: 'assign', handler: han, owner } as StepInput, sup, /尚未登记/],
    [1, { kind: 'record' } as StepInput, clerk, /不能登记/],
    [5, { kind: 'revisit', satisfaction: '4' } as StepInput, sup, /已关闭/],
  ])('after %i steps, %o is refused', (n, s, who, msg) => {
    const r = applyStep(through(n), s, who, 99_000);
    expect(r.ok).toBe(false);
    expect(errorOf(r)?.zh).toMatch(msg);
    expect(errorOf(r)?.en).toBeTruthy();
  });
});

describe('complaint flow: only the right user may take a step', () => {
  it.each([
    [0, { kind: 'record' } as StepInput, rep, /编辑权限/],
    [1, { kind: 'assign', handler: han, owner } as StepInput, clerk, /服务监督人/],
    [1, { kind: 'assign', handler: han, owner } as StepInput, han, /服务监督人/],
    [2, { kind: 'handle', result: 'x' } as StepInput, sup, /只有被分配的处理人/],
    [2, { kind: 'handle', result: 'x' } as StepInput, clerk, /只有被分配的处理人/],
    [3, { kind: 'revisit', satisfaction: '4' } as StepInput, han, /服务监督人/],
    [4, { kind: 'close' } as StepInput, clerk, /服务监督人/],
  ])('after %i steps, %o by the wrong user is refused', (n, s, who, msg) => {
    expect(errorOf(applyStep(through(n), s, who, 99_000))?.zh).toMatch(msg);
  });

  it('refuses steps without their data', () => {
    expect(errorOf(applyStep(through(2), { kind: 'handle', result: '  ' }, han, 1))?.zh).toBe('请填写处理结果');
    expect(errorOf(applyStep(through(3), { kind: 'revisit', satisfaction: '' }, sup, 1))?.zh).toBe('请选择回访满意度');
    expect(errorOf(applyStep(through(1), { kind: 'assign', handler: { id: '', role: handlerRole }, owner }, sup, 1))?.zh)
      .toBe('请选择处理人');
  });

  it('refuses any step on a deleted complaint, and an unknown step', () => {
    expect(errorOf(applyStep({ ...through(1), deleted: true }, { kind: 'assign', handler: han, owner }, sup, 1))?.zh)
      .toMatch(/已删除/);
    expect(errorOf(applyStep(through(1), { kind: 'escalate' } as unknown as StepInput, sup, 1))?.zh).toMatch(/未知/);
  });
});

describe('assigning checks that the handler can see the complaint', () => {
  it('refuses a handler whose role cannot read the service module, with the reason', () => {
    const r = applyStep(through(1), { kind: 'assign', handler: rep, owner }, sup, 1);
    expect(errorOf(r)?.zh).toBe('处理人「孙销售」的角色没有客户服务模块的查看权限，看不到这条投诉');
    expect(errorOf(r)?.en).toMatch(/cannot read the Service module/);
  });

  it('refuses a handler whose data scope does not include the customer owner, with the reason', () => {
    const r = applyStep(through(1), { kind: 'assign', handler: farHan, owner }, sup, 1);
    expect(errorOf(r)?.zh).toBe('该投诉的客户不在处理人「钱工」的数据范围（本部门）内，处理人看不到这条投诉');
    expect(errorOf(r)?.en).toMatch(/outside .* data scope \(own department\)/);
  });

  it('accepts an own-scope handler only for customers they own, or unowned ones', () => {
    const ownRole: RoleLike = { perm_service: 'read', scope: 'own' };
    const me: Person = { id: 'rep', role: ownRole };
    expect(checkHandlerAccess(me, owner)).toBeNull();
    expect(checkHandlerAccess(me, {})).toBeNull(); // public-pool customer: everyone sees it
    expect(checkHandlerAccess(me, { id: 'someone-else' })?.zh).toMatch(/仅本人/);
  });
});

describe('predicates and helpers', () => {
  it('assignedTo: the handler\'s to-do list, until they record the result', () => {
    expect(assignedTo('han')(through(2))).toBe(true);
    expect(assignedTo('sup')(through(2))).toBe(false);
    expect(assignedTo('han')(through(3))).toBe(false);
    expect(assignedTo('han')({ ...through(2), deleted: true })).toBe(false);
  });

  it('waitingForRevisit: handled complaints, per assigning supervisor', () => {
    expect(waitingForRevisit('sup', stepsOf)(through(3))).toBe(true);
    expect(waitingForRevisit('other-sup', stepsOf)(through(3))).toBe(false);
    expect(waitingForRevisit()(through(3))).toBe(true);
    expect(waitingForRevisit()(through(2))).toBe(false);
    expect(waitingForRevisit()(through(4))).toBe(false);
  });

  it('nextSteps lists what may come next', () => {
    expect(nextSteps(through(0))).toEqual(['record']);
    expect(nextSteps(through(2))).toEqual(['assign', 'handle']);
    expect(nextSteps(through(5))).toEqual([]);
  });

  it('timeline is ordered by time and drops malformed entries from peers and rows in the bin', () => {
    const c = { ...base, status: 12 }; // malformed: the last valid step decides
    const rows = [
      { id: 'c1.S1', complaintId: 'c1', seq: 1, kind: 'assign', by: 'sup', at: 2000, handlerId: 'han' },
      null, 'junk', { kind: 'explode', by: 'x', at: 1 }, { kind: 'close', by: 'sup', at: 'later' },
      { id: 'c1.S0', complaintId: 'c1', seq: 0, kind: 'record', by: 'clerk', at: 1000, comment: { html: '<b>' } },
      { id: 'c1.S9', complaintId: 'c1', seq: 2, kind: 'handle', by: 'han', at: 3000, result: 'x', deleted: true },
    ];
    expect(timeline(rows)).toEqual([
      { kind: 'record', by: 'clerk', at: 1000 },
      { kind: 'assign', by: 'sup', at: 2000, handlerId: 'han' },
    ]);
    expect(currentStatus(c, rows)).toBe('assigned');
    expect(timeline('nope')).toEqual([]);
  });

  it('two supervisors assigning while apart: both steps show, in the order they were taken (same order on every peer)', () => {
    const rows = [
      { id: 'zz', seq: 1, kind: 'assign', by: 'sup2', at: 2500, handlerId: 'far' },
      { id: 'c1.S0', seq: 0, kind: 'record', by: 'clerk', at: 1000 },
      { id: 'aa', seq: 1, kind: 'assign', by: 'sup', at: 2000, handlerId: 'han' },
    ];
    const order = timeline(rows).map((s) => `${s.kind}:${s.by}`);
    expect(order).toEqual(['record:clerk', 'assign:sup', 'assign:sup2']);
    expect(timeline([...rows].reverse()).map((s) => `${s.kind}:${s.by}`)).toEqual(order);
  });

  it('complaintTarget and validateComplaint read the kind + matching reference', () => {
    expect(complaintTarget(base)).toEqual({ kind: 'product', id: 'p1' });
    expect(complaintTarget({ targetKind: 'person', targetProduct: 'p1' })).toBeNull();
    expect(validateComplaint({ targetKind: 'department' })?.zh).toBe('请选择被投诉的部门');
    expect(validateComplaint(base)).toBeNull();
  });
});
