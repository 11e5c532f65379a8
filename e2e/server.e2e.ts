import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { createWorkspace, goto, injectUpdate, shot, sidewaysOverflow } from './lib';
import {
  LocalServer, addCustomer, chip, expectChip, expectCustomers, freePort, invite, join, newPeer, openSyncSettings, signalingServer, waitForPort, type Peer,
} from './sync-helpers';
import { peer as seedPeer } from '../src/store/core/test-peers';
import { CORE_GROUP, GROUP_OF } from '../src/domain/registry';
import { permFields, MODULES } from '../src/domain/org/modules';
import { decodeInvite, encodeInvite } from '../src/store/sync/codes';
import { prove } from '../src/store/sync/token';
import { SqliteStore } from '../server/sqlite';

/*
 * The optional Hocuspocus server (npm run server) with real Chromium processes: a teacher (the
 * administrator) issues tokens in the settings, a colleague who writes and a student whose role
 * reads only join by code; the server refuses the student's edit, and so does a peer over
 * WebRTC; the server is killed with SIGKILL and what it acknowledged is on disk; then two
 * instances behind Redis carry edits between browsers on different instances.
 */

const dataDir = mkdtempSync(joinPath(tmpdir(), 'keyuan-e2e-server-'));
const peers: Peer[] = [];
let sig: LocalServer;
let sigUrl = '';
let server: LocalServer;
let serverUrl = '';
let A: Peer; // 王老师, administrator
let B: Peer; // 赵老师, writes
let C: Peer; // 李同学, read only
let room = '';
let code = '';
let password = '';
const tokens: Record<string, string> = {};

const serverProcess = (port: number, env: Record<string, string> = {}) =>
  new LocalServer(port, ['scripts/server.mjs'], { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, QUIET: '1', ...env });

async function newBrowser(): Promise<Peer> {
  const p = { ...(await newPeer()), wsId: '' };
  peers.push(p);
  return p;
}

/** The read-only role and two more users, as a peer's update (the org screens are not what this test is about). */
function seedOrg(): Uint8Array {
  const p = seedPeer('seed');
  const readOnly = Object.fromEntries(MODULES.map((m) => [m.key, 'read' as const]));
  p.collection('roles').create({ name: '只读学员', scope: 'all', ...permFields(readOnly) }, 'r-student');
  p.collection('roles').create({ name: '任课教师', scope: 'all', ...permFields({ customers: 'write', sales: 'write' }) }, 'r-teacher');
  p.collection('users').create({ name: '赵老师', roleId: 'r-teacher', active: true }, 'u-zhao');
  p.collection('users').create({ name: '李同学', roleId: 'r-student', active: true }, 'u-li');
  return Y.encodeStateAsUpdate(p.docs.get(CORE_GROUP)!);
}

/** A customer written straight into a device's stored document (a modified app, or an edit made before a role changed). */
function rogueCustomer(): Uint8Array {
  const p = seedPeer('rogue');
  p.collection('customers').create({ name: '越权客户', code: 'KH666', kind: 'customer' }, 'c-rogue');
  return Y.encodeStateAsUpdate(p.docs.get(GROUP_OF.customers)!);
}

async function setServer(page: Peer['page'], wsId: string, opts: { server?: string; token?: string; signaling?: string[] }): Promise<void> {
  await openSyncSettings(page, wsId);
  if (opts.signaling) await page.fill('#sync-signaling', opts.signaling.join('\n'));
  if (opts.server !== undefined) await page.fill('#sync-server', opts.server);
  if (opts.token !== undefined) await page.fill('#sync-token', opts.token);
  await page.locator('.sync-form').getByRole('button', { name: '保存' }).click();
  await page.getByText('同步设置已保存').first().waitFor();
}

/** Who-are-you on a device that joined: the user its token was issued to. */
async function pickUser(page: Peer['page'], name: string): Promise<void> {
  const dialog = page.locator('.modal', { hasText: '您是谁?' });
  await dialog.getByRole('button', { name: new RegExp(name) }).click({ timeout: 30_000 });
  await dialog.waitFor({ state: 'detached' });
}

async function issue(page: Peer['page'], userId: string): Promise<string> {
  await page.locator(`[data-testid=server-access] tr[data-user="${userId}"] button`).click();
  const token = (await page.locator('[data-testid=issued-token]').innerText()).trim();
  await page.keyboard.press('Escape');
  return token;
}

/** What a fresh client (no browser, no peer) reads from a server: the customer codes. */
async function customersOnServer(url: string, token: string): Promise<string[]> {
  const name = GROUP_OF.customers === CORE_GROUP ? room : `${room}.${GROUP_OF.customers}`;
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket as never });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: () => prove(token, 'server', name) });
  provider.attach();
  try {
    await new Promise<void>((res, rej) => { provider.on('synced', () => res()); setTimeout(() => rej(new Error('no sync')), 10_000); });
    return [...doc.getMap<Uint8Array>('customers').values()].map((v) => JSON.parse(new TextDecoder().decode(v)).code as string).sort();
  } finally {
    provider.destroy();
    socket.destroy();
  }
}

beforeAll(async () => {
  sig = await signalingServer();
  sigUrl = `ws://127.0.0.1:${sig.port}`;
  const port = await freePort();
  server = serverProcess(port);
  await server.start(60_000);
  serverUrl = `ws://127.0.0.1:${port}`;
}, 90_000);

afterAll(async () => {
  for (const p of peers) await p.browser.close().catch(() => undefined);
  await server?.stop();
  await sig?.stop();
});

describe('an optional Hocuspocus server: writes by role', () => {
  it('(a) the administrator issues tokens; two browsers sync through one server', async () => {
    A = await newBrowser();
    A.wsId = await createWorkspace(A.page, '营销1班第2组', '王老师');
    await injectUpdate(A.page, A.wsId, seedOrg());
    await A.page.reload();
    await A.page.getByText('您好,王老师').waitFor();
    await addCustomer(A.page, A.wsId, 'KH001', '杭州恒远机械');
    await openSyncSettings(A.page, A.wsId);
    await A.page.getByRole('button', { name: '生成签名密钥' }).click();
    await A.page.getByTestId('own-token').click();
    await A.page.getByText('令牌已保存').waitFor();
    tokens.zhao = await issue(A.page, 'u-zhao');
    tokens.li = await issue(A.page, 'u-li');
    expect(await A.page.locator('[data-testid=server-access] tr[data-user="u-li"]').innerText()).toContain('只读');
    await setServer(A.page, A.wsId, { server: serverUrl, signaling: [sigUrl] });
    await goto(A.page, A.wsId, 'customers');
    await expectChip(A.page, /已通过 Yjs 服务器同步|暂无其他设备在线/);
    ({ code, password } = await invite(A.page, A.wsId));
    const inv = decodeInvite(code)!;
    expect(inv.server).toBe(serverUrl);
    expect(inv.token).toBeUndefined(); // the code for everyone carries no token
    room = inv.room;

    // the colleague joins with a code made for him: server and token in it
    B = await newBrowser();
    B.wsId = await join(B.page, encodeInvite({ ...inv, signaling: [], token: tokens.zhao }), password);
    await pickUser(B.page, '赵老师');
    await expectCustomers(B.page, B.wsId, ['KH001']);
    await expectChip(B.page, /已通过 Yjs 服务器同步/);
    await addCustomer(B.page, B.wsId, 'KH002', '宁波海联贸易');
    await expectCustomers(A.page, A.wsId, ['KH002']);
    expect(await customersOnServer(serverUrl, tokens.zhao)).toEqual(['KH001', 'KH002']);
    await openSyncSettings(A.page, A.wsId);
    await A.page.locator('[data-testid=server-access]').scrollIntoViewIfNeeded();
    await shot(A.page, 'server-settings-1280x800');
    await A.page.setViewportSize({ width: 390, height: 844 });
    await A.page.locator('[data-testid=server-access]').scrollIntoViewIfNeeded();
    await shot(A.page, 'server-tokens-390x844');
    expect((await sidewaysOverflow(A.page)).offenders).toEqual([]);
    await A.page.setViewportSize({ width: 768, height: 1024 });
    await shot(A.page, 'server-tokens-768x1024');
    expect((await sidewaysOverflow(A.page)).offenders).toEqual([]);
    await A.page.setViewportSize({ width: 1280, height: 800 });
    await A.page.getByRole('button', { name: 'English' }).click();
    await A.page.getByRole('heading', { name: 'Server access tokens' }).scrollIntoViewIfNeeded();
    await shot(A.page, 'server-tokens-en');
    await A.page.getByRole('button', { name: '中文' }).click();
    await A.page.getByRole('heading', { name: '服务器访问令牌' }).waitFor();
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  }, 150_000);

  it('(b) a read-only student’s edit is refused by the server and by a peer', async () => {
    C = await newBrowser();
    C.wsId = await join(C.page, encodeInvite({ ...decodeInvite(code)!, token: tokens.li }), password);
    await pickUser(C.page, '李同学');
    await expectCustomers(C.page, C.wsId, ['KH001', 'KH002']);
    // an edit on the student's device that the app's own permission check did not stop
    await injectUpdate(C.page, `${C.wsId}${GROUP_OF.customers === CORE_GROUP ? '' : `@${GROUP_OF.customers}`}`, rogueCustomer());
    await C.page.reload();
    await expectCustomers(C.page, C.wsId, ['KH666']);
    // the student is connected to the teacher over WebRTC as well as to the server
    await expectChip(C.page, /已连接 \d 台设备/);
    await goto(C.page, C.wsId, 'customers');
    await C.page.locator('.sync-chip').click();
    await C.page.locator('[data-advice=read-only]').waitFor();
    await C.page.keyboard.press('Escape');
    // the teacher's device refused it (listed), the server never took it
    await goto(A.page, A.wsId, 'customers');
    await A.page.locator('.sync-chip').click();
    await A.page.locator('.modal', { hasText: '对方无写权限' }).waitFor({ timeout: 20_000 });
    await A.page.keyboard.press('Escape');
    expect((await expectCustomers(A.page, A.wsId, ['KH002'])).join()).not.toContain('KH666');
    expect(await customersOnServer(serverUrl, tokens.zhao)).toEqual(['KH001', 'KH002']);
    // a writer's edit still crosses
    await addCustomer(B.page, B.wsId, 'KH003', '温州新联');
    await expectCustomers(C.page, C.wsId, ['KH003']);
    await expectCustomers(A.page, A.wsId, ['KH003']);
    expect((await chip(A.page))).not.toMatch(/拒绝/);
  }, 150_000);

  it('(c) kill -9 after acknowledged edits, restart: nothing is lost', async () => {
    await addCustomer(B.page, B.wsId, 'KH004', '台州远航');
    // acknowledged: the server has it (a fresh client reads it back)
    await expect.poll(() => customersOnServer(serverUrl, tokens.zhao), { timeout: 10_000 }).toContain('KH004');
    const acknowledged = await customersOnServer(serverUrl, tokens.zhao);
    await new Promise((r) => setTimeout(r, 1000)); // the stated bound: on disk within 1 s
    server.kill9();
    // what is on disk, read while no server runs
    const store = await SqliteStore.open(dataDir);
    const name = GROUP_OF.customers === CORE_GROUP ? room : `${room}.${GROUP_OF.customers}`;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await store.fetch(name))!);
    const onDisk = [...doc.getMap<Uint8Array>('customers').values()].map((v) => JSON.parse(new TextDecoder().decode(v)).code as string).sort();
    expect(onDisk).toEqual(acknowledged);
    // no device can push anything back: a fresh client after the restart reads the server's own copy
    for (const p of [A, B, C]) await p.browser.close();
    await server.start(60_000);
    expect(await customersOnServer(serverUrl, tokens.zhao)).toEqual(acknowledged);
    await server.stop();
  }, 150_000);
});

describe('two server instances behind Redis', () => {
  let redis: ChildProcess | undefined;
  let one: LocalServer;
  let two: LocalServer;
  afterAll(async () => { await one?.stop(); await two?.stop(); redis?.kill('SIGTERM'); });

  it('(d) browsers on different instances see each other’s edits', async () => {
    const redisPort = await freePort();
    redis = spawn('redis-server', ['server/redis.conf', '--port', String(redisPort), '--daemonize', 'no'], { stdio: 'ignore' });
    await waitForPort(redisPort);
    const [p1, p2] = [await freePort(), await freePort()];
    one = serverProcess(p1, { REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    two = serverProcess(p2, { REDIS_URL: `redis://127.0.0.1:${redisPort}` });
    await Promise.all([one.start(60_000), two.start(60_000)]);
    const D = await newBrowser();
    D.wsId = await join(D.page, encodeInvite({ ...decodeInvite(code)!, signaling: [], server: `ws://127.0.0.1:${p1}`, token: tokens.zhao }), password);
    await pickUser(D.page, '赵老师');
    await expectCustomers(D.page, D.wsId, ['KH004']);
    const E = await newBrowser();
    E.wsId = await join(E.page, encodeInvite({ ...decodeInvite(code)!, signaling: [], server: `ws://127.0.0.1:${p2}`, token: tokens.zhao }), password);
    await pickUser(E.page, '赵老师');
    await expectCustomers(E.page, E.wsId, ['KH004']);
    await addCustomer(D.page, D.wsId, 'KH005', '经一号实例');
    await expectCustomers(E.page, E.wsId, ['KH005'], 10_000);
    await addCustomer(E.page, E.wsId, 'KH006', '经二号实例');
    await expectCustomers(D.page, D.wsId, ['KH006'], 10_000);
    expect(D.errors).toEqual([]);
    expect(E.errors).toEqual([]);
  }, 150_000);
});
