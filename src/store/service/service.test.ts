import { describe, expect, it } from 'vitest';
import { Workspace } from '../core/workspace';
import { saveRecord, entityDef } from '../core/records';
import { addDictionary } from '../core/dictionaries';
import { ALL_DICTIONARIES } from '../../domain/registry';
import { timeline } from '../../domain/service';
import {
  articleDraftFor, checkComplaint, checkServiceRecord, handlerChoices, prepareComplaint, prepareServiceRecord, takeComplaintStep,
} from './service';

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

function newComplaint(ws: Workspace, actor: string): string {
  ws.actorId = actor;
  const values = prepareComplaint(ws, {
    customer: 'cu1', targetKind: 'person', targetPerson: 'u-rep', targetProduct: 'stale', reason: 'attitude', details: '态度差',
  }, true, actor, 1000);
  expect(checkComplaint(ws, values, true, actor)).toEqual({});
  const res = saveRecord(ws, entityDef(ws, 'complaints'), values);
  if (!res.ok) throw new Error(JSON.stringify(res.errors));
  return res.record.id;
}

describe('service store: complaint flow through the workspace', () => {
  it('records with the first step, clears the references that do not match "about"', () => {
    const ws = setup();
    const id = newComplaint(ws, 'u-svc');
    const c = ws.collection('complaints').get(id)!;
    expect(c.status).toBe('recorded');
    expect(c.targetProduct).toBeUndefined();
    expect(timeline(c)).toEqual([{ kind: 'record', by: 'u-svc', at: 1000 }]);
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

    const denied = takeComplaintStep(ws, id, { kind: 'assign', handlerId: 'u-own' }, 'u-sup', 2000);
    expect(denied.ok).toBe(false);
    expect(get().status).toBe('recorded');
    expect(takeComplaintStep(ws, id, { kind: 'assign', handlerId: 'u-svc' }, 'u-svc', 2000).ok).toBe(false); // not a supervisor

    expect(takeComplaintStep(ws, id, { kind: 'assign', handlerId: 'u-svc', comment: '今天处理' }, 'u-sup', 2000).ok).toBe(true);
    expect([get().status, get().handler]).toEqual(['assigned', 'u-svc']);
    expect(takeComplaintStep(ws, id, { kind: 'handle', result: 'x' }, 'u-sup', 2500).ok).toBe(false); // not the handler
    expect(takeComplaintStep(ws, id, { kind: 'handle', result: '已道歉并培训' }, 'u-svc', 3000).ok).toBe(true);
    expect(takeComplaintStep(ws, id, { kind: 'revisit', satisfaction: '4' }, 'u-sup', 4000).ok).toBe(true);
    expect(takeComplaintStep(ws, id, { kind: 'close' }, 'u-sup', 5000).ok).toBe(true);
    const c = get();
    expect([c.status, c.result, c.revisitSatisfaction]).toEqual(['closed', '已道歉并培训', '4']);
    expect(timeline(c).map((s) => `${s.kind}:${s.by}`)).toEqual(['record:u-svc', 'assign:u-sup', 'handle:u-svc', 'revisit:u-sup', 'close:u-sup']);
    expect(takeComplaintStep(ws, 'nope', { kind: 'close' }, 'u-sup').ok).toBe(false);
  });

  it('a form without the chosen target is refused', () => {
    const ws = setup();
    const errors = checkComplaint(ws, { customer: 'cu1', targetKind: 'product', reason: 'quality', details: 'x' }, true, 'u-svc');
    expect(errors.targetProduct?.zh).toMatch(/请选择被投诉的产品/);
    const noRight = prepareComplaint(ws, { customer: 'cu1', targetKind: 'person', targetPerson: 'u-rep', reason: 'x', details: 'y' }, true, 'u-rep');
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
    const base = { customer: 'cu1', start: '2026-03-02T09:00', handler: 'u-svc', serviceType: 'repair', contactType: 'phone' };
    const open = saveRecord(ws, def, { ...base, content: '打印机卡纸。请客户重启。', completed: false });
    const done = saveRecord(ws, def, { ...base, content: '打印机无法连接。重新安装驱动后恢复。', completed: true });
    if (!open.ok || !done.ok) throw new Error('save failed');
    expect(articleDraftFor(ws, open.record.id, 'zh')).toMatchObject({ ok: false });
    const draft = articleDraftFor(ws, done.record.id, 'en');
    expect(draft).toEqual({
      ok: true,
      values: { title: '打印机无法连接', body: '打印机无法连接。重新安装驱动后恢复。', category: 'faq', tags: 'Repair, Phone', sourceService: done.record.id },
    });
    if (!draft.ok) return;
    const art = saveRecord(ws, entityDef(ws, 'knowledgeArticles'), { ...draft.values });
    expect(art.ok).toBe(true);
    const again = articleDraftFor(ws, done.record.id, 'zh');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.existingId).toBe(art.ok ? art.record.id : '');
  });
});
