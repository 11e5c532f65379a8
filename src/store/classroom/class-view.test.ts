import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ReadOnlyError } from '../core/collection';
import { encodeRecord } from '../core/codec';
import { localDb } from '../core/local-db';
import { entityDef, READ_ONLY, saveRecord } from '../core/records';
import { both, peer, sync } from '../core/test-peers';
import { EXPERIMENTS } from '../../domain/classroom/experiments';
import { startGuide } from './lab-runs';
import { Workspace } from '../core/workspace';
import { seededWorkspace } from '../test-workspace';
import { createWorkspace, openWorkspace } from '../org/setup';
import { encodeInvite } from '../sync/codes';
import { listPoints, loadPoint } from '../recovery/points';
import { experimentProgress, addGroupByCode, addGroupsFromList, listGroups, removeGroup, summarizeGroup } from './class-view';
import { forkWorkspace } from './fork';
import { resetWorkspace } from './reset';
import { setupClass } from './class-setup';
import { defaultSettings } from '../sync/settings';
import { loadSampleCompany } from '../sample/load';

/** Every Yjs client id that wrote into any of the workspace's documents. */
const writers = (ws: Workspace) => new Set([...ws.docs.values()].flatMap((d) => [...Y.decodeStateVector(Y.encodeStateVector(d)).keys()]));

describe('a workspace opened read-only refuses every write in the store', () => {
  it('the save path refuses with a message; collections and transactions throw; nothing is written', async () => {
    const group = seededWorkspace('g');
    const teacher = new Workspace('g');
    sync(group, teacher);
    teacher.readOnly = true;
    const before = Y.encodeStateVector(teacher.doc);
    const id = group.collection('customers').live()[0]?.id;
    const res = saveRecord(teacher, entityDef(teacher, 'customers'), { code: 'K1', name: '不该写入', kind: 'customer' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.refusal.message).toEqual(READ_ONLY);
    expect(() => teacher.collection('customers').create({ name: 'x' })).toThrow(ReadOnlyError);
    expect(() => teacher.transact(() => undefined)).toThrow(ReadOnlyError);
    if (id) expect(() => teacher.collection('customers').update(id, { name: 'y' })).toThrow(ReadOnlyError);
    expect(() => teacher.collection('users').purge(group.collection('users').live()[0].id)).toThrow(ReadOnlyError);
    expect(Y.encodeStateVector(teacher.doc)).toEqual(before);
    expect(writers(teacher).has(teacher.doc.clientID)).toBe(false);
  });

  it('still receives the group’s edits, and writes no merge back even for rival versions', () => {
    const a = seededWorkspace('g');
    const b = new Workspace('g'); b.actorId = 'b';
    both(a, b);
    const teacher = new Workspace('g');
    sync(a, teacher);
    teacher.readOnly = true;
    const cid = saveRecord(a, entityDef(a, 'customers'), { code: 'K2', name: '甲公司', kind: 'customer' });
    expect(cid.ok).toBe(true);
    const id = cid.ok ? cid.value.id : '';
    both(a, b);
    // concurrent edits of two fields: rival versions reach the teacher from both sides
    a.collection('customers').update(id, { phone: '111' });
    b.collection('customers').update(id, { address: '某路 1 号' });
    sync(a, teacher); sync(b, teacher);
    expect(teacher.collection('customers').get(id)?.name).toBe('甲公司');
    expect(writers(teacher).has(teacher.doc.clientID)).toBe(false);
    // the group's own devices write the join; the teacher shows it once it arrives
    both(a, b); sync(a, teacher); sync(b, teacher);
    expect(teacher.collection('customers').get(id)).toMatchObject({ phone: '111', address: '某路 1 号' });
  });

  it('a workspace entry marked read-only opens read-only (the shell’s path), and no schema step writes', async () => {
    const { entry, ws } = await createWorkspace('第1组', '老师');
    await ws.close();
    await localDb().workspaces.update(entry.id, { readOnly: true });
    const opened = await openWorkspace(entry.id);
    expect(opened.ws.readOnly).toBe(true);
    await opened.ws.loaded;
    expect(opened.ws.bridge.active).toBe(false);
    await opened.ws.close();
  });
});

describe('summarising a group', () => {
  it('counts each member’s records by their stamps, and lists problems the save path and the rules would name', () => {
    const ws = seededWorkspace('s');
    const users = ws.collection('users');
    const roleId = 'role-member';
    ws.transact(() => { users.create({ name: '安', code: 'S1', roleId, active: true }, 'u-an'); users.create({ name: '博', code: 'S2', roleId, active: true }, 'u-bo'); });
    const def = entityDef(ws, 'customers');
    ws.actorId = 'u-an';
    const c1 = saveRecord(ws, def, { code: 'K3', name: '甲', kind: 'customer' });
    const c2 = saveRecord(ws, def, { code: 'K4', name: '乙', kind: 'customer' });
    ws.actorId = 'u-bo';
    saveRecord(ws, def, { code: 'K5', name: '丙', kind: 'customer' });
    if (c1.ok) expect(saveRecord(ws, def, { address: '一路 1 号' }, c1.value.id).ok).toBe(true);
    if (c2.ok) expect(saveRecord(ws, def, { address: '二路 2 号' }, c2.value.id).ok).toBe(true);
    // what no save path would write: a peer's garbage and a duplicate of a unique code
    ws.transact(() => {
      ws.collection('customers').map.set('junk', new Uint8Array([1, 2, 3]));
      ws.collection('customers').map.set('bad', encodeRecord({ id: 'bad', createdAt: 1, createdBy: 'u-bo', updatedAt: 1, updatedBy: 'u-bo', _c: [1, 1], name: { x: 1 }, type: 'customer' }));
      ws.collection('users').create({ name: '重复', code: 'S1', roleId, active: true }, 'u-dup');
    });
    const s = summarizeGroup(ws, 1234, Date.now());
    const an = s.members.find((m) => m.member === 'u-an')!;
    const bo = s.members.find((m) => m.member === 'u-bo')!;
    expect(an).toMatchObject({ name: '安', byModule: { customers: { created: 2, edited: 0 } } });
    expect(bo).toMatchObject({ name: '博', byModule: { customers: { created: 2, edited: 2 } } });
    expect(s.records.customers).toBe(4);
    expect(s.lastSynced).toBe(1234);
    expect(s.lastActivity).toBeGreaterThan(0);
    const kinds = s.problems.map((p) => `${p.kind}:${p.entity}:${p.recordId}`);
    expect(kinds).toContain('corrupt:customers:junk');
    expect(kinds).toContain('malformed:customers:bad');
    expect(kinds).toContain('rule:users:u-dup');
    expect(s.problemCount).toBe(s.problems.length);
  });

  it('a fresh workspace with the sample company shows no problems; a real violation in it still shows', { timeout: 30_000 }, () => {
    const ws = seededWorkspace('sample');
    loadSampleCompany(ws, '2026-11-24');
    const clean = summarizeGroup(ws, 0, Date.now());
    // it once listed 12: every starting role twice (the sample's and the workspace's) and two E001
    expect(clean.problems).toEqual([]);
    expect(clean.problemCount).toBe(0);
    // a role and a staff number the save path would refuse, written raw as a broken peer would
    ws.transact(() => {
      ws.collection('roles').create({ name: '业务员', scope: 'own' }, 'role-dup');
      ws.collection('users').create({ name: '重号', code: 'E004', roleId: 'rl003', active: true }, 'u-dup');
    });
    const broken = summarizeGroup(ws, 0, Date.now());
    const kinds = broken.problems.map((p) => `${p.kind}:${p.entity}:${p.recordId}`);
    expect(kinds).toEqual(expect.arrayContaining(['rule:roles:role-dup', 'rule:users:u-dup']));
  });
});

describe('following groups by join code', () => {
  it('adds a group as a read-only copy; a class list adds many; a bad code or missing password is refused', async () => {
    const code = encodeInvite({ name: '第2组', room: 'room-g2', signaling: ['ws://127.0.0.1:1'] });
    const res = await addGroupByCode(code, 'pw2');
    expect(res.ok).toBe(true);
    const id = res.ok ? res.value.workspaceId : '';
    expect(await localDb().workspaces.get(id)).toMatchObject({ room: 'room-g2', password: 'pw2', readOnly: true, name: '第2组' });
    expect((await addGroupByCode('KY1.nonsense', 'x')).ok).toBe(false);
    expect((await addGroupByCode(code, ' ')).ok).toBe(false);
    // the same room again: followed once, no second copy
    const again = await addGroupByCode(code, 'pw2', '别名');
    expect(again.ok && again.value.workspaceId).toBe(id);
    const many = await addGroupsFromList([
      { name: '第3组', code: encodeInvite({ name: 'x', room: 'room-g3', signaling: [] }), password: 'p3' },
      { name: '第4组', code: 'KY1.broken', password: 'p4' },
    ]);
    expect(many.added.map((g) => g.name)).toEqual(['第3组']);
    expect(many.errors[0].message.zh).toBe('第4组:这不是有效的加入码');
    expect((await listGroups()).map((g) => g.name)).toEqual(['第2组', '第3组']);
    await removeGroup(id);
    expect((await listGroups()).map((g) => g.name)).toEqual(['第3组']);
    expect(await localDb().workspaces.get(id)).toBeUndefined();
  });

  it('class setup makes N groups seeded alike, each its own room and password, followed read-only', async () => {
    const rows = await setupClass({ count: 2, nameOf: (n) => `2班第${n}组`, template: 'empty', teacherName: '王老师', settings: defaultSettings() });
    expect(rows.map((r) => r.name)).toEqual(['2班第1组', '2班第2组']);
    expect(new Set(rows.map((r) => r.password)).size).toBe(2);
    const entries = await Promise.all(rows.map((r) => localDb().workspaces.get(r.workspaceId)));
    expect(new Set(entries.map((e) => e!.room)).size).toBe(2);
    expect(entries.every((e) => e!.readOnly)).toBe(true);
    const followed = (await listGroups()).map((g) => g.workspaceId);
    for (const r of rows) expect(followed).toContain(r.workspaceId);
  });
});

describe('fork and reset', () => {
  it('a fork holds the same data under a new id and room, written under new client ids', async () => {
    const { entry, ws } = await createWorkspace('第5组', '老师');
    saveRecord(ws, entityDef(ws, 'customers'), { code: 'K6', name: '分叉客户', kind: 'customer' });
    const fork = await forkWorkspace(ws, entry, '我的沙盒', ws.actorId);
    expect(fork.id).not.toBe(entry.id);
    expect(fork.room).not.toBe(entry.room);
    expect(fork.password).not.toBe(entry.password);
    const copy = await Workspace.open(fork.id);
    await copy.loaded;
    expect(copy.collection('customers').live().map((c) => c.name)).toEqual(['分叉客户']);
    copy.actorId = ws.actorId;
    saveRecord(copy, entityDef(copy, 'customers'), { code: 'K7', name: '只在沙盒', kind: 'customer' });
    for (const d of copy.docs.values()) expect(writers(ws).has(d.clientID)).toBe(false);
    expect(ws.collection('customers').live().map((c) => c.name)).toEqual(['分叉客户']);
    expect((await localDb().identities.get(fork.id))?.userId).toBe(ws.actorId);
    await copy.close();
    await ws.close();
  });

  it('reset asks for the name, backs up first, then starts over in a new room with the sample company', async () => {
    const { entry, ws } = await createWorkspace('第6组', '老师');
    saveRecord(ws, entityDef(ws, 'customers'), { code: 'K8', name: '旧客户', kind: 'customer' });
    const wrong = await resetWorkspace(ws, entry, '第6', 'sample', '老师');
    expect(wrong.ok).toBe(false);
    const done = await resetWorkspace(ws, entry, '第6组', 'sample', '老师');
    expect(done.ok).toBe(true);
    if (!done.ok) return;
    expect(done.value.entry.room).not.toBe(entry.room);
    expect(done.value.entry.password).toBe(entry.password);
    // the backup: a restore point with the old records, and a .keyuan file
    const points = await listPoints(entry.id);
    const snap = await loadPoint(points.find((p) => p.id === done.value.point.id)!.id);
    expect(snap.get('customers')!.map((c) => c.name)).toContain('旧客户');
    expect(new TextDecoder().decode(done.value.backup.slice(0, 40))).toMatch(/keyuan/i);
    const fresh = await Workspace.open(entry.id);
    await fresh.loaded;
    const names = fresh.collection('customers').live().map((c) => c.name);
    expect(names).not.toContain('旧客户');
    expect(names.length).toBeGreaterThan(50);
    expect((await localDb().workspaces.get(entry.id))?.room).toBe(done.value.entry.room);
    await fresh.close();
  });
});

describe("a group's experiment progress in the class view", () => {
  it("is the lab guide's progress over the group's data, from when the group started each experiment", async () => {
    const ws = peer('stu1');
    expect(experimentProgress(ws).map((p) => p.done)).toEqual(EXPERIMENTS.map(() => 0));
    expect(experimentProgress(ws).map((p) => p.experiment)).toEqual(EXPERIMENTS.map((e) => e.key));
    expect(startGuide(ws, 'customers', 'stu1').ok).toBe(true);
    await new Promise((r) => setTimeout(r, 3));
    const cu = ws.collection('customers').create({ name: '新客户', kind: 'customer' });
    ws.collection('contacts').create({ name: '甲', customerId: cu.id, primary: true });
    ws.collection('contacts').create({ name: '乙', customerId: cu.id });
    const customers = experimentProgress(ws).find((p) => p.experiment === 'customers')!;
    expect(customers.done).toBeGreaterThanOrEqual(2);
    expect(customers.steps!.find((s) => s.key === 'customer')?.done).toBe(true);
    expect(experimentProgress(ws).find((p) => p.experiment === 'settings')!.done).toBe(0); // not started
  });
});
