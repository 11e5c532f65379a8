import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { startServer } from './main';
import { Backups } from './backups';
import { SqliteStore } from './sqlite';
import { ServerDevice } from './device';
import { freePort } from './cluster';
import { generateWorkspaceKey, issueToken } from '../src/store/sync/token';
import { ALL_COLLECTIONS, GROUP_OF } from '../src/domain/registry';
import { diffSnapshot, restoreRecords, snapshotFromFile } from '../src/store/recovery/restore';
import type { WorkspaceEntry } from '../src/store/core/local-db';

/*
 * Issue 17, item 5: the server's daily copy restores on a device the way a device's own backup
 * does (数据恢复 → restore from a file): the records that differ are written again as new edits,
 * which reach the server, and what was written after the copy stays (no rewind).
 */

const stops: (() => Promise<void> | void)[] = [];
afterAll(async () => { for (const s of stops.reverse()) await s(); });

const until = async (f: () => boolean, ms = 15_000) => {
  for (const end = Date.now() + ms; !f();) {
    if (Date.now() > end) throw new Error('timeout');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('a server backup', () => {
  it('restores on a device as new writes that reach the server, and keeps what came after it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'keyuan-restore-'));
    const port = await freePort();
    const server = await startServer({ port, host: '127.0.0.1', dataDir, storeDelayMs: 50, quiet: true });
    stops.push(server.stop);
    const url = `ws://127.0.0.1:${port}`;
    const room = 'keyuan-restore1';
    const key = await generateWorkspaceKey();
    const token = await issueToken(key.privateJwk, { room, userId: 'u-admin', name: 'A', admin: true });
    const device = (): ServerDevice => { const d = new ServerDevice(url, room, token); d.ws.actorId = 'u-admin'; stops.push(() => d.destroy()); return d; };

    // records in two document groups (customers in core, activities in its own group)
    expect(GROUP_OF.activities).not.toBe(GROUP_OF.customers);
    const a = device();
    await until(() => a.hp.state.synced);
    a.ws.collection('customers').create({ name: '杭州恒远机械', code: 'KH001', kind: 'customer' }, 'c1');
    a.ws.collection('customers').create({ name: '宁波海联贸易', code: 'KH002', kind: 'customer' }, 'c2');
    a.ws.collection('activities').create({ subject: '上门拜访', customerId: 'c1' }, 'a1');
    await until(() => a.settled);
    await new Promise((r) => setTimeout(r, 500)); // on disk within the store bound

    const [path] = await new Backups(dataDir, await SqliteStore.open(dataDir), () => undefined).runDue(new Date('2026-12-03T10:00:00Z'));
    const backup = new Uint8Array(readFileSync(path));

    // after the copy: a customer deleted, one renamed, the activity deleted, a new customer
    a.ws.collection('customers').remove('c1');
    a.ws.collection('customers').update('c2', { name: '改错的名字' });
    a.ws.collection('activities').remove('a1');
    a.ws.collection('customers').create({ name: '温州新联', code: 'KH003', kind: 'customer' }, 'c3');
    await until(() => a.settled);
    a.destroy();

    // another device (fresh from the server) restores from the server's file
    const b = device();
    await until(() => b.hp.state.synced && b.ws.collection('customers').get('c3') !== undefined);
    const entry = { id: 'b', room, name: 'x', password: 'x', createdAt: 0, lastOpenedAt: 0 } as WorkspaceEntry;
    const { snapshot } = snapshotFromFile(backup, entry, ALL_COLLECTIONS);
    const diffs = diffSnapshot(b.ws, snapshot);
    const written = restoreRecords(b.ws, diffs, diffs.map((d) => ({ collection: d.collection, missing: true, changed: true })), { kind: 'file', at: 0, from: 'server' });
    expect(written).toMatchObject({ customers: 2, activities: 1 });
    await until(() => b.settled);
    await new Promise((r) => setTimeout(r, 500)); // stored
    b.destroy();

    // a third device reads the server: the restored records, and the customer written after the copy
    const c = device();
    await until(() => c.hp.state.synced && c.ws.collection('activities').get('a1')?.deleted !== true && c.ws.collection('customers').get('c2')?.name === '宁波海联贸易');
    const names = c.ws.collection('customers').live().map((r) => r.name).sort();
    expect(names).toEqual(['宁波海联贸易', '杭州恒远机械', '温州新联'].sort());
    expect(c.ws.collection('activities').live().map((r) => r.id)).toEqual(['a1']);
    // new edits: the server's document carries the restoring device's writes, not a rewind to the copy
    const core = new Y.Doc();
    Y.applyUpdate(core, (await SqliteStore.open(dataDir).then((s) => s.fetch(room)))!);
    expect(Y.decodeStateVector(Y.encodeStateVector(core)).has(b.ws.doc.clientID)).toBe(true);
  }, 60_000);
});
