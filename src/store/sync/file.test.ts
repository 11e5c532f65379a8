import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '../core/workspace';
import { localDb } from '../core/local-db';
import { createWorkspace, openWorkspace } from '../org/setup';
import { exportDiff, exportFull, exportState, importFile, readSyncFile, restoreAsNew, SyncFileError, avoidClientId } from './file';
import { HistoryLog } from './history';
import { joinWorkspace, removeLocalCopy, leaveWorkspace } from './workspaces';
import { loadSyncSettings } from './settings';
import { oneDocumentPeer } from '../core/test-peers';

describe('sync and backup by file', () => {
  it('a full export imported on another device merges both ways, and records the backup', async () => {
    const { entry, ws: a } = await createWorkspace('组A', '王老师');
    a.collection('customers').create({ code: 'KH1', name: '甲' });
    const b = new Workspace('b');
    b.collection('customers').create({ code: 'KH2', name: '乙' });
    const file = await exportFull(a, entry, '王老师');
    expect((await localDb().workspaces.get(entry.id))!.lastBackupAt).toBeGreaterThan(0);
    const r = importFile(b, { ...entry, id: 'b' }, file);
    expect(r.kind).toBe('full');
    expect(r.changed).toBeGreaterThan(1);
    expect(b.collection('customers').live().map((c) => c.code).sort()).toEqual(['KH1', 'KH2']);
    expect(new HistoryLog(b.doc).entries().some((e) => e.e === 'file.importFull')).toBe(true);
    // a state file from A, answered by B with only what A lacks
    const state = exportState(a, entry, '王老师');
    const asked = importFile(b, { ...entry, id: 'b' }, state);
    expect(asked.kind).toBe('state');
    const diff = exportDiff(b, entry, asked.stateVectors!, 'b', '王老师');
    expect(diff.length).toBeLessThan(file.length);
    importFile(a, entry, diff);
    expect(a.collection('customers').live().map((c) => c.code).sort()).toEqual(['KH1', 'KH2']);
    expect(a.collection("customers").live().length).toBe(b.collection("customers").live().length);
    await a.close();
  });

  it('refuses other files, truncated files and other rooms', async () => {
    const { entry, ws } = await createWorkspace('组B', '李');
    const file = await exportFull(ws, entry, '李');
    expect(() => readSyncFile(new TextEncoder().encode('name,phone\n'))).toThrow(SyncFileError);
    expect(() => readSyncFile(file.subarray(0, file.length - 40))).toThrowError('malformed');
    expect(() => importFile(ws, { ...entry, room: 'other' }, file)).toThrowError('other-room');
    await ws.close();
  });

  it('restores a backup as a new workspace whose document never reuses a client id', async () => {
    const { entry, ws } = await createWorkspace('组C', '赵');
    ws.collection('customers').create({ code: 'KH9', name: '丙' });
    const file = await exportFull(ws, entry, '赵');
    const usedIds = new Set(Y.decodeStateVector(Y.encodeStateVector(ws.doc)).keys());
    await ws.close();
    const { entry: restored, users } = await restoreAsNew(file, '组C (恢复)', entry.password);
    expect(restored.room).toBe(entry.room);
    expect(users.map((u) => u.name)).toEqual(['赵']);
    const { ws: r } = await openWorkspace(restored.id);
    expect(r.collection('customers').live().map((c) => c.code)).toEqual(['KH9']);
    expect(usedIds.has(r.doc.clientID)).toBe(false);
    r.collection('customers').create({ code: 'KH10' });
    await r.close();
    // an independent copy gets a room of its own
    const copy = await restoreAsNew(file, 'copy');
    expect(copy.entry.room).not.toBe(entry.room);
  });

  it('takes a fresh client id when an update carries this document\'s own id', () => {
    const a = new Y.Doc();
    a.getMap('m').set('x', 1);
    const b = new Y.Doc();
    b.clientID = a.clientID;
    avoidClientId(b, Y.encodeStateAsUpdate(a));
    expect(b.clientID).not.toBe(a.clientID);
  });

  it('joins from an invite, leaves, and removes the local copy', async () => {
    const entry = await joinWorkspace({ name: '组D', room: 'keyuan-r', signaling: ['ws://10.0.0.2:4444'] }, 'pw');
    expect(await loadSyncSettings(entry.id)).toMatchObject({ enabled: true, signaling: ['ws://10.0.0.2:4444'] });
    await leaveWorkspace(entry);
    expect((await localDb().workspaces.get(entry.id))!.room).not.toBe('keyuan-r');
    const ws = await Workspace.open(entry.id);
    ws.collection('customers').create({ code: 'X' });
    await ws.close();
    await removeLocalCopy(entry.id);
    expect(await localDb().workspaces.get(entry.id)).toBeUndefined();
    const again = await Workspace.open(entry.id);
    expect(again.collection('customers').size).toBe(0);
    await again.close();
  });

  it('carries every document group; a file written before the groups (one document) is read as core and moved', async () => {
    const { entry, ws: a } = await createWorkspace('组E', '钱');
    a.transact(() => {
      a.collection('activities').create({ subject: '拜访', ownerId: 'u' }, 'a1');
      a.collection('serviceRecords').create({ content: '装驱动' }, 's1');
    });
    const file = await exportFull(a, entry, '钱');
    expect(readSyncFile(file).header.groups).toEqual(['core', 'activities', 'service', 'orders']);
    const b = new Workspace('b2');
    importFile(b, entry, file);
    expect(b.collection('activities').get('a1')).toMatchObject({ subject: '拜访' });
    expect(b.collection('serviceRecords').get('s1')).toMatchObject({ content: '装驱动' });

    // a schema-4 backup: one document, no groups in its header
    const old = oneDocumentPeer('old');
    old.transact(() => old.collection('activities').create({ subject: '旧活动', ownerId: 'u' }, 'a9'));
    const header = { kind: 'full', workspace: '组E', room: entry.room, exportedAt: 1, by: 'old', schema: 4 };
    const enc = new TextEncoder();
    const oldFile = new Uint8Array([...enc.encode('KEYUAN-SYNC 1\n'), ...enc.encode(JSON.stringify(header) + '\n'), ...Y.encodeStateAsUpdate(old.doc)]);
    importFile(a, entry, oldFile);
    expect(a.collection('activities').get('a9')).toMatchObject({ subject: '旧活动' });
    await new Promise((r) => setTimeout(r, 20));
    await a.flushed();
    expect(a.doc.getMap('activities').size).toBe(0); // moved out of core once stored
    await a.close();
  });
});
