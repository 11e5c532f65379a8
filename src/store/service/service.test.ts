import { describe, expect, it } from 'vitest';
import { Workspace } from '../core/workspace';
import { saveRecord, entityDef } from '../core/records';
import { addDictionary } from '../core/dictionaries';
import { ALL_DICTIONARIES } from '../../domain/registry';
import { timeline } from '../../domain/service';
import {
  articleDraftFor, checkComplaint, checkServiceRecord, complaintStepsOf, ensureRecordStep, handlerChoices, prepareComplaint,
  prepareServiceRecord, recordStepId, takeComplaintStep,
} from './service';
import { both, peer } from '../core/test-peers';

/** A workspace in memory with a supervisor, a handler in scope, one out of scope and one without service rights. */
function setup() {
  const ws = new Workspace('svc-test');
  ws.transact(() => {
    for (const d of ALL_DICTIONARIES) addDictionary(ws, d);
    const roles = ws.collection('roles');
    roles.create({ name: '客服主管', scope: 'all', perm_service: 'approve', perm_customers: 'read' }, 'r-sup');
    roles.create({ name: '售后服务员', scope: 'all', perm_service: 'write' }, 'r-svc');
    roles.create({ name: '本人客服', scope: 'own', perm_service: 'write' }, 'r-own');
    roles.create({ name: '业务员', scope: 'own', perm_customers: 'write' }, 'r-rep');
    const users = ws.collection('users');
    users.create({ name: '吴主管', roleId: 'r-sup', active: true }, 'u-sup');
    users.create({ name: '郑工', roleId: 'r-svc', active: true }, 'u-svc');
    users.create({ name: '冯工', roleId: 'r-own', active: true }, 'u-own');
    users.create({ name: '李业务', roleId: 'r-rep', active: true }, 'u-rep');
    users.create({ name: '离职', roleId: 'r-svc', active: false }, 'u-gone');
    ws.collection('customers').create({ code: 'KH1', name: '甲公司', kind: 'customer', ownerId: 'u-rep' }, 'cu1');
  });
  return ws;
}

/** Step times after the complaint's creation (its 登记 step is the creation itself). */
const T = Date.now() + 60_000;

/** Save a complaint as the form does: prepare, validate, save, then (`onSaved`) its first step's row. */
function newComplaint(ws: Workspace, actor: string, stepRow = true): string {
  ws.actorId = actor;
  const values = prepareComplaint(ws, {
    customerId: 'cu1', targetKind: 'person', targetPerson: 'u-rep', targetProduct: 'stale', reason: 'attitude', details: '态度差',
  }, true, actor, 1000);
  expect(checkComplaint(ws, values, true, actor)).toEqual({});
  const res = saveRecord(ws, entityDef(ws, 'complaints'), values);
  if (!res.ok) throw new Error(JSON.stringify(res.refusal.fields));
  if (stepRow) ensureRecordStep(ws, res.value);
  return res.value.id;
}

describe('service store: complaint flow through the workspace', () => {
  it('records with the first step (a row of complaintSteps), clears the references that do not match "about"', () => {
    const ws = setup();
    const id = newComplaint(ws, 'u-svc');
    const c = ws.collection('complaints').get(id)!;
    expect(c.status).toBe('recorded');
    expect(c.targetProduct).toBeUndefined();
    expect(c).not.toHaveProperty('steps');
    expect(timeline(complaintStepsOf(ws, id))).toEqual([{ kind: 'record', by: 'u-svc', at: c.createdAt }]);
    expect(complaintStepsOf(ws, id)[0]).toMatchObject({ id: recordStepId(id), complaintId: id, seq: 0 });
    // written again (the hook and a later step both make sure): still one
    ensureRecordStep(ws, c);
    expect(complaintStepsOf(ws, id)).toHaveLength(1);
  });

  it('a complaint saved without its first row (the app closed in between) gets it with the next step', () => {
    const ws = setup();
    const id = newComplaint(ws, 'u-svc', false);
    expect(complaintStepsOf(ws, id)).toEqual([]);
    expect(takeComplaintStep(ws, id, { kind: 'assign', handlerId: 'u-svc' }, 'u-sup', T).ok).toBe(true);
    expect(timeline(complaintStepsOf(ws, id)).map((s) => `${s.kind}:${s.by}`)).toEqual(['record:u-svc', 'assign:u-sup']);
  });

  it('two supervisors acting on one complaint while apart: both steps are kept, the timeline shows the conflict in order', () => {
    const a = peer('u-sup');
    const b = peer('u-sup2');
    a.transact(() => {
      for (const d of ALL_DICTIONARIES) addDictionary(a, d);
      a.collection('roles').create({ name: '客服主管', scope: 'all', perm_service: 'approve' }, 'r-sup');
      a.collection('roles').create({ name: '售后服务员', scope: 'all', perm_service: 'write' }, 'r-svc');
      for (const [id, name, role] of [['u-sup', '吴主管', 'r-sup'], ['u-sup2', '周主管', 'r-sup'], ['u-svc', '郑工', 'r-svc'], ['u-svc2', '王工', 'r-svc']]) {
        a.collection('users').create({ name, roleId: role, active: true }, id);
      }
      a.collection('customers').create({ code: 'KH1', name: '甲公司', kind: 'customer' }, 'cu1');
    });
    const id = newComplaint(a, 'u-svc');
    a.actorId = 'u-sup';
    both(a, b);
    // apart: each supervisor assigns a different handler
    expect(takeComplaintStep(a, id, { kind: 'assign', handlerId: 'u-svc', comment: 'A' }, 'u-sup', T).ok).toBe(true);
    expect(takeComplaintStep(b, id, { kind: 'assign', handlerId: 'u-svc2', comment: 'B' }, 'u-sup2', T + 1000).ok).toBe(true);
    both(a, b);
    const shown = (ws: Workspace) => timeline(complaintStepsOf(ws, id)).map((s) => `${s.kind}:${s.by}:${s.handlerId ?? ''}`);
    expect(shown(a)).toEqual(['record:u-svc:', 'assign:u-sup:u-svc', 'assign:u-sup2:u-svc2']);
    expect(shown(b)).toEqual(shown(a));
    // the mirrored field took one side (the later write) — the same on both peers, and the timeline says who was overruled
    expect(a.collection('complaints').get(id)?.handlerId).toBe(b.collection('complaints').get(id)?.handlerId);
  });

  it('lists handlers with the access check: no service right, out of scope, inactive left out', () => {
    const ws = setup();
    const c = ws.collection('complaints').get(newComplaint(ws, 'u-svc'))!;
    const choices = handlerChoices(ws, c);
    expect(choices.map((x) => x.person.id)).not.toContain('u-gone');
    const problem = (id: string) => choices.find((x) => x.person.id === id)!.problem;
    expect(problem('u-svc')).toBeNull();
    expect(problem('u-sup')).toBeNull();
    expect(problem('u-rep')?.zh).toMatch(/没有客户服务模块的查看权限/);
    expect(problem('u-own')?.zh).toMatch(/不在处理人「冯工」的数据范围/);
    // suitable ones first
    expect(choices.slice(0, 2).every((x) => x.problem === null)).toBe(true);
  });

  it('runs every step as the right users and refuses the wrong ones without writing', () => {
    const ws = setup();
    const id = newComplaint(ws, 'u-svc');
    const get = () => ws.collection('complaints').get(id)!;

    const rows = () => complaintStepsOf(ws, id).length;
    const denied = takeComplaintStep(ws, id, { kind: 'assign', handlerId: 'u-own' }, 'u-sup', T + 2000);
    expect(denied.ok).toBe(false);
    expect(get().status).toBe('recorded');
    expect(takeComplaintStep(ws, id, { kind: 'assign', handlerId: 'u-svc' }, 'u-svc', T + 2000).ok).toBe(false); // not a supervisor
    expect(rows()).toBe(1);

    expect(takeComplaintStep(ws, id, { kind: 'assign', handlerId: 'u-svc', comment: '今天处理' }, 'u-sup', T + 2000).ok).toBe(true);
    expect([get().status, get().handlerId]).toEqual(['assigned', 'u-svc']);
    expect(takeComplaintStep(ws, id, { kind: 'handle', result: 'x' }, 'u-sup', T + 2500).ok).toBe(false); // not the handler
    expect(takeComplaintStep(ws, id, { kind: 'handle', result: '已道歉并培训' }, 'u-svc', T + 3000).ok).toBe(true);
    expect(takeComplaintStep(ws, id, { kind: 'revisit', satisfaction: '4' }, 'u-sup', T + 4000).ok).toBe(true);
    expect(takeComplaintStep(ws, id, { kind: 'close' }, 'u-sup', T + 5000).ok).toBe(true);
    const c = get();
    expect([c.status, c.result, c.revisitSatisfaction]).toEqual(['closed', '已道歉并培训', '4']);
    expect(c).not.toHaveProperty('steps');
    expect(timeline(complaintStepsOf(ws, id)).map((s) => `${s.kind}:${s.by}`)).toEqual(['record:u-svc', 'assign:u-sup', 'handle:u-svc', 'revisit:u-sup', 'close:u-sup']);
    expect(complaintStepsOf(ws, id).map((s) => s.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(takeComplaintStep(ws, 'nope', { kind: 'close' }, 'u-sup').ok).toBe(false);
  });

  it('a form without the chosen target is refused', () => {
    const ws = setup();
    const errors = checkComplaint(ws, { customerId: 'cu1', targetKind: 'product', reason: 'quality', details: 'x' }, true, 'u-svc');
    expect(errors.targetProduct?.zh).toMatch(/请选择被投诉的产品/);
    const noRight = prepareComplaint(ws, { customerId: 'cu1', targetKind: 'person', targetPerson: 'u-rep', reason: 'x', details: 'y' }, true, 'u-rep');
    expect(noRight.status).toBeUndefined();
    expect(checkComplaint(ws, noRight, true, 'u-rep').details?.zh).toMatch(/没有客户服务的编辑权限/);
  });
});

describe('service store: records and articles', () => {
  it('time spent follows from start and end; an end before the start is refused', () => {
    expect(prepareServiceRecord({ start: '2026-03-02T09:00', end: '2026-03-02T10:30' }).minutesSpent).toBe(90);
    expect(prepareServiceRecord({ start: '2026-03-02T09:00', minutesSpent: 500 }).minutesSpent).toBeUndefined();
    expect(checkServiceRecord({ start: '2026-03-02T09:00', end: '2026-03-02T08:00' }).end?.zh).toMatch(/不能早于/);
    expect(checkServiceRecord({ start: 'soon', end: '2026-03-02T08:00' }).start).toBeTruthy();
    expect(checkServiceRecord({ start: '2026-03-02T09:00' })).toEqual({});
  });

  it('a completed record becomes an article once, with tags in the UI language', () => {
    const ws = setup();
    const def = entityDef(ws, 'serviceRecords');
    const base = { customerId: 'cu1', start: '2026-03-02T09:00', handlerId: 'u-svc', serviceType: 'repair', contactType: 'phone' };
    const open = saveRecord(ws, def, { ...base, content: '打印机卡纸。请客户重启。', completed: false });
    const done = saveRecord(ws, def, { ...base, content: '打印机无法连接。重新安装驱动后恢复。', completed: true });
    if (!open.ok || !done.ok) throw new Error('save failed');
    expect(articleDraftFor(ws, open.value.id, 'zh')).toMatchObject({ ok: false });
    const draft = articleDraftFor(ws, done.value.id, 'en');
    expect(draft).toEqual({
      ok: true,
      value: { title: '打印机无法连接', body: '打印机无法连接。重新安装驱动后恢复。', category: 'faq', tags: 'Repair, Phone', sourceServiceId: done.value.id },
    });
    if (!draft.ok) return;
    const art = saveRecord(ws, entityDef(ws, 'knowledgeArticles'), { ...draft.value });
    expect(art.ok).toBe(true);
    const again = articleDraftFor(ws, done.value.id, 'zh');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.refusal.recordId).toBe(art.ok ? art.value.id : '');
  });
});
