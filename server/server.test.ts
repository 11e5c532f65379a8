import { describe, it, expect, afterAll } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { startServer } from './main';
import { generateWorkspaceKey, issueToken, prove } from '../src/store/sync/token';
import { ACCESS_KEY } from '../src/store/sync/access';
import { encodeRecord } from '../src/store/core/codec';
import { permFields } from '../src/domain/org/modules';
import { readSyncFile } from '../src/store/sync/file';

const room = 'keyuan-test1';
const dataDir = mkdtempSync(join(tmpdir(), 'keyuan-server-'));
const port = 41000 + Math.floor(Math.random() * 1000);
const stops: (() => Promise<void>)[] = [];
afterAll(async () => { for (const s of stops) await s(); });

function client(name: string, token: string, at = port) {
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${at}`, WebSocketPolyfill: WebSocket as never });
  let scope = '';
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: () => prove(token, 'server', name), onAuthenticated: ({ scope: s }) => { scope = s; } });
  provider.attach();
  const synced = new Promise<void>((r) => provider.on('synced', () => r()));
  return { doc, provider, synced, scope: () => scope, close: () => { provider.destroy(); socket.destroy(); } };
}
const until = async (f: () => boolean, ms = 5000) => { const end = Date.now() + ms; while (!f()) { if (Date.now() > end) throw new Error('timeout'); await new Promise((r) => setTimeout(r, 20)); } };
/** Resolves once something listens on the port. */
async function waitForPort(p: number): Promise<void> {
  const { createConnection } = await import('node:net');
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((r) => { const c = createConnection(p, '127.0.0.1'); c.on('connect', () => { c.destroy(); r(true); }); c.on('error', () => r(false)); });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on ${p}`);
}
const rec = (id: string, v: object) => encodeRecord({ id, _c: [1, 1, 'x'], ...v } as never);

describe('keyuan server', () => {
  it('lets writers write and read-only roles read only, and keeps what it acknowledged', async () => {
    const s = await startServer({ port, host: '127.0.0.1', dataDir, storeDelayMs: 100, quiet: true });
    stops.push(s.stop);
    const key = await generateWorkspaceKey();
    const admin = client(room, await issueToken(key.privateJwk, { room, userId: 'a1', name: 'A', admin: true }));
    await admin.synced;
    expect(admin.scope()).toBe('read-write');
    admin.doc.transact(() => {
      admin.doc.getMap('meta').set(ACCESS_KEY, key.publicKey);
      admin.doc.getMap('roles').set('student', rec('student', { name: 's', ...permFields({ customers: 'read', office: 'read' }) }));
      admin.doc.getMap('users').set('s1', rec('s1', { name: 'S', roleId: 'student' }));
      admin.doc.getMap('customers').set('c1', rec('c1', { name: '甲' }));
    });
    await until(() => !admin.provider.hasUnsyncedChanges);
    const student = client(room, await issueToken(key.privateJwk, { room, userId: 's1', name: 'S' }));
    await student.synced;
    expect(student.scope()).toBe('readonly');
    expect(student.doc.getMap('customers').has('c1')).toBe(true);
    student.doc.getMap('customers').set('c2', rec('c2', { name: '乙' }));
    await new Promise((r) => setTimeout(r, 300));
    expect(admin.doc.getMap('customers').has('c2')).toBe(false);
    // a token signed with another key is refused outright
    const other = await generateWorkspaceKey();
    const forged = client(room, await issueToken(other.privateJwk, { room, userId: 'x', name: 'X', admin: true }));
    let failed = false;
    forged.provider.on('authenticationFailed', () => { failed = true; });
    await until(() => failed);
    forged.close();
    // the student's role now writes: the server lets the open connection write, and takes what it refused before
    admin.doc.getMap('roles').set('student', rec('student', { name: 's', ...permFields({ customers: 'write' }) }));
    await until(() => admin.doc.getMap('customers').has('c2'));
    student.close(); admin.close();
    // on disk within the stated bound; a daily backup is a .keyuan file of the workspace
    await new Promise((r) => setTimeout(r, 700));
    expect(existsSync(join(dataDir, 'docs', `${room}.sqlite`))).toBe(true);
    const { Backups } = await import('./backups');
    const { SqliteStore } = await import('./sqlite');
    const b = new Backups(dataDir, await SqliteStore.open(dataDir), () => undefined);
    const [path] = await b.runDue(new Date('2026-12-03T10:00:00Z'));
    expect(path).toMatch(/2026-12-03\.keyuan$/);
    const { readFileSync } = await import('node:fs');
    const file = readSyncFile(new Uint8Array(readFileSync(path)));
    expect(file.header).toMatchObject({ kind: 'full', room });
    const restored = new Y.Doc();
    Y.applyUpdate(restored, file.sections.get('core')!);
    expect(restored.getMap('customers').has('c1')).toBe(true);
  });
});

describe('two instances behind Redis', () => {
  it('carries edits between clients on different instances', async () => {
    const { spawn, spawnSync } = await import('node:child_process');
    if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server is needed: apt-get install -y redis-server');
    const redisPort = port + 1500;
    const redis = spawn('redis-server', ['server/redis.conf', '--port', String(redisPort), '--daemonize', 'no'], { stdio: 'ignore' });
    stops.push(async () => { redis.kill('SIGTERM'); });
    await waitForPort(redisPort);
    const dir = mkdtempSync(join(tmpdir(), 'keyuan-redis-'));
    const ports = [port + 2000, port + 2001];
    for (const p of ports) {
      const s = await startServer({ port: p, host: '127.0.0.1', dataDir: dir, storeDelayMs: 100, quiet: true, redisUrl: `redis://127.0.0.1:${redisPort}` });
      stops.unshift(s.stop);
    }
    const key = await generateWorkspaceKey();
    const token = await issueToken(key.privateJwk, { room, userId: 'a1', name: 'A', admin: true });
    const on = (p: number) => {
      const doc = new Y.Doc();
      const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${p}`, WebSocketPolyfill: WebSocket as never });
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, token: () => prove(token, 'server', room) });
      provider.attach();
      return { doc, synced: new Promise<void>((r) => provider.on('synced', () => r())), close: () => { provider.destroy(); socket.destroy(); } };
    };
    const a = on(ports[0]);
    const b = on(ports[1]);
    await Promise.all([a.synced, b.synced]);
    a.doc.getMap('customers').set('x1', rec('x1', { name: 'one' }));
    await until(() => b.doc.getMap('customers').has('x1'));
    b.doc.getMap('customers').set('x2', rec('x2', { name: 'two' }));
    await until(() => a.doc.getMap('customers').has('x2'));
    // a writer that is not an administrator (its role read from the core document) on the other instance
    a.doc.transact(() => {
      a.doc.getMap('roles').set('teacher', rec('teacher', { name: 't', ...permFields({ customers: 'write' }) }));
      a.doc.getMap('users').set('t1', rec('t1', { name: 'T', roleId: 'teacher' }));
    });
    await until(() => b.doc.getMap('users').has('t1'));
    a.close(); b.close();
    await new Promise((r) => setTimeout(r, 300));
    const teacher = await issueToken(key.privateJwk, { room, userId: 't1', name: 'T' });
    const t = client(room, teacher, ports[1]);
    await t.synced;
    expect(t.scope()).toBe('read-write');
    expect(t.doc.getMap('customers').has('x2')).toBe(true);
    t.close();
  });
});
