import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { baseUrl, createWorkspace, goto, OUT, rowTexts, shot } from './lib';
import {
  addActivity, addCustomer, becomeNewMember, expectActivities, chip, editCustomer, expectChip, expectCustomers, invite, join, newPeer, setSync,
  signalingServer, yjsServer, type LocalServer, type Peer,
} from './sync-helpers';

// Real WebRTC between separate Chromium processes, signaling on 127.0.0.1 (scripts/signaling.mjs),
// run inside a network namespace with only loopback by scripts/e2e.mjs.

let signaling: LocalServer;
let sigUrl: string;
const peers: Peer[] = [];
let A: Peer;
let B: Peer;
let code = '';
let password = '';

async function peer(): Promise<Peer> {
  const p = { ...(await newPeer()), wsId: '' };
  peers.push(p);
  return p;
}

beforeAll(async () => {
  signaling = await signalingServer();
  sigUrl = `ws://127.0.0.1:${signaling.port}`;
});

afterAll(async () => {
  for (const p of peers) await p.browser.close().catch(() => undefined);
  await signaling?.stop();
});

describe('class-group peer sync over real WebRTC', () => {
  it('(a) joins by code and receives the existing data', async () => {
    A = await peer();
    A.wsId = await createWorkspace(A.page, '营销1班第2组', '王老师');
    await addCustomer(A.page, A.wsId, 'KH001', '杭州恒远机械');
    await addCustomer(A.page, A.wsId, 'KH002', '宁波海联贸易');
    await addActivity(A.page, A.wsId, '首次拜访恒远');
    await setSync(A.page, A.wsId, { signaling: [sigUrl] });
    ({ code, password } = await invite(A.page, A.wsId));
    expect(code).toMatch(/^KY1\./);
    expect(code).not.toContain(password);
    await goto(A.page, A.wsId, 'customers');
    await expectChip(A.page, /暂无其他设备在线|已连接/);

    B = await peer();
    B.wsId = await join(B.page, code, password);
    await becomeNewMember(B.page, '李同学');
    const rows = await expectCustomers(B.page, B.wsId, ['KH001', 'KH002']);
    expect(rows.find((r) => r.includes('KH001'))).toContain('杭州恒远机械');
    await expectActivities(B.page, B.wsId, ['首次拜访恒远']); // the activities group's room
    await expectChip(B.page, /已连接 1 台设备/);
    await expectChip(A.page, /已连接 1 台设备/);
    // presence: A sees B in the top bar with name and colour
    await A.page.locator('.presence .avatar[data-user="李同学"]').waitFor({ timeout: 20_000 });
    await shot(B.page, 'sync-joined-customers');
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });

  it('(b) a live edit reaches the other peer, with who made it in the history', async () => {
    await goto(B.page, B.wsId, 'customers');
    await B.page.getByRole('link', { name: 'KH001', exact: true }).click();
    await B.page.getByRole('heading', { name: /杭州恒远机械/ }).waitFor();
    // A opens the same record: B sees A viewing, then editing
    await goto(A.page, A.wsId, 'customers');
    await A.page.getByRole('link', { name: 'KH001', exact: true }).click();
    await B.page.locator('.record-presence', { hasText: '王老师 · 正在查看' }).waitFor({ timeout: 20_000 });
    await A.page.locator('.page-head').getByRole('button', { name: '编辑', exact: true }).click();
    await B.page.locator('.record-presence', { hasText: '王老师 · 正在编辑' }).waitFor({ timeout: 20_000 });
    await A.page.locator('.modal #f-name').fill('杭州恒远机械集团');
    await A.page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await B.page.getByRole('heading', { name: /杭州恒远机械集团/ }).waitFor({ timeout: 10_000 });
    const history = await B.page.locator('.record-history').innerText();
    expect(history).toContain('王老师');
    expect(history).toMatch(/杭州恒远机械\s*→\s*杭州恒远机械集团/);
    await shot(B.page, 'sync-live-edit-history');
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });

  it('(c) both edit while apart, then reconnect: both converge and nothing is lost', async () => {
    await setSync(B.page, B.wsId, { enabled: false });
    await expectChip(B.page, /同步已关闭/);
    await goto(A.page, A.wsId, 'customers');
    await expectChip(A.page, /暂无其他设备在线/);
    // different fields of the same customer, and a new customer on each side
    await editCustomer(A.page, A.wsId, 'KH002', { phone: '0574-88880000' });
    await editCustomer(B.page, B.wsId, 'KH002', { name: '宁波海联国际贸易' });
    await addCustomer(A.page, A.wsId, 'KH100', '甲方新客户');
    await addCustomer(B.page, B.wsId, 'KH200', '乙方新客户');
    expect((await rowTexts(B.page)).some((r) => r.includes('KH100'))).toBe(false);
    await addActivity(A.page, A.wsId, '甲方离线活动');
    await addActivity(B.page, B.wsId, '乙方离线活动');

    await setSync(B.page, B.wsId, { enabled: true });
    for (const p of [A, B]) {
      const rows = await expectCustomers(p.page, p.wsId, ['KH100', 'KH200', '宁波海联国际贸易', '0574-88880000']);
      const kh002 = rows.find((r) => r.includes('KH002'))!;
      expect(kh002).toContain('宁波海联国际贸易');
      expect(kh002).toContain('0574-88880000');
      expect(rows.filter((r) => /KH\d/.test(r))).toHaveLength(4);
      await expectActivities(p.page, p.wsId, ['首次拜访恒远', '甲方离线活动', '乙方离线活动']);
    }
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });

  it('(d) a wrong password receives nothing and the user sees why', async () => {
    const C = await peer();
    C.wsId = await join(C.page, code, 'not-the-password');
    await expectChip(C.page, /密码不一致/, 45_000);
    // the "who are you" prompt of a fresh device says why nothing arrives
    const prompt = C.page.locator('.modal', { hasText: '您是谁?' });
    await expect(prompt.innerText()).resolves.toContain('使用了不同的密码');
    await expect(prompt.innerText()).resolves.toContain('正在等待其他成员的数据');
    await C.page.keyboard.press('Escape');
    await C.page.locator('.sync-chip').click();
    await expect(C.page.locator('.modal').innerText()).resolves.toContain('使用了不同的密码');
    await shot(C.page, 'sync-wrong-password');
    await C.page.keyboard.press('Escape');
    // nothing arrived: no customers
    await goto(C.page, C.wsId, 'customers');
    await C.page.waitForTimeout(1000);
    expect(await rowTexts(C.page)).toEqual([]);
    // the group saw it too, and kept working
    await goto(A.page, A.wsId, 'customers');
    await expectChip(A.page, /已连接 1 台设备/);
    expect(C.errors).toEqual([]);
    expect(A.errors).toEqual([]);
    await C.browser.close();
  });

  it('(e) the signaling server restarts and peers reconnect by themselves', async () => {
    await signaling.stop();
    // B reopens while the server is down: it cannot find A any more, and says so
    await B.page.reload();
    await expectChip(B.page, /暂时连不上同步服务器/, 30_000);
    await B.page.locator('.sync-chip').click();
    await expect(B.page.locator('.modal').innerText()).resolves.toMatch(/暂时连不上同步服务器.*修改已保存在本设备/s);
    await shot(B.page, 'sync-signaling-down');
    await B.page.keyboard.press('Escape');
    await editCustomer(A.page, A.wsId, 'KH100', { name: '甲方新客户(重连后)' });
    await signaling.start();
    // nobody touches anything: both reconnect to signaling, find each other, and the edit crosses
    await expectCustomers(B.page, B.wsId, ['甲方新客户(重连后)'], 60_000);
    await expectChip(B.page, /已连接 1 台设备/);
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });

  it('(f) three peers converge', async () => {
    const D = await peer();
    D.wsId = await join(D.page, code, password);
    await becomeNewMember(D.page, '赵同学');
    await expectCustomers(D.page, D.wsId, ['KH001', 'KH002', 'KH100', 'KH200']);
    await addCustomer(D.page, D.wsId, 'KH300', '丙方新客户');
    await editCustomer(B.page, B.wsId, 'KH001', { phone: '0571-66660000' });
    for (const p of [A, B, D]) {
      const rows = await expectCustomers(p.page, p.wsId, ['KH300', '0571-66660000', '杭州恒远机械集团']);
      expect(rows.filter((r) => /KH\d/.test(r))).toHaveLength(5);
    }
    await expectChip(A.page, /已连接 2 台设备/);
    expect(D.errors).toEqual([]);
    await D.browser.close();
  });

  it('(g) a file exported on A and imported on B merges, and back: they converge', async () => {
    await setSync(B.page, B.wsId, { enabled: false });
    await addCustomer(A.page, A.wsId, 'KH400', '文件同步客户甲');
    await addCustomer(B.page, B.wsId, 'KH500', '文件同步客户乙');
    const exportFrom = async (p: Peer, button: string, name: string) => {
      await goto(p.page, p.wsId, 'settings?tab=sync');
      const [dl] = await Promise.all([p.page.waitForEvent('download'), p.page.getByRole('button', { name: button }).click()]);
      const path = `${OUT}/${name}`;
      await dl.saveAs(path);
      return path;
    };
    const importInto = async (p: Peer, path: string) => {
      await goto(p.page, p.wsId, 'settings?tab=sync');
      await p.page.locator('[data-testid=import-file]').setInputFiles(path);
      await p.page.getByText(/已合并/).first().waitFor();
    };
    const full = await exportFrom(A, '导出全部(备份)', 'a-full.keyuan');
    expect(readFileSync(full).subarray(0, 12).toString()).toBe('KEYUAN-SYNC ');
    await expect(A.page.locator('[data-testid=last-backup]').innerText()).resolves.not.toBe('—');
    await importInto(B, full);
    // B answers with only what A lacks, from A's state
    const state = await exportFrom(A, '导出本机状态', 'a-state.keyuan');
    await goto(B.page, B.wsId, 'settings?tab=sync');
    await B.page.locator('[data-testid=import-file]').setInputFiles(state);
    const [dl] = await Promise.all([B.page.waitForEvent('download'), B.page.getByRole('button', { name: /导出 王老师 缺少的内容/ }).click()]);
    const diff = `${OUT}/b-for-a.keyuan`;
    await dl.saveAs(diff);
    expect(readFileSync(diff).length).toBeLessThan(readFileSync(full).length);
    await importInto(A, diff);
    for (const p of [A, B]) await expectCustomers(p.page, p.wsId, ['KH400', 'KH500'], 5_000);
    // the system log shows the import with who and when
    await goto(A.page, A.wsId, 'settings?tab=log');
    await expect(A.page.locator('.system-log').innerText()).resolves.toContain('导入了 李同学');
    await setSync(B.page, B.wsId, { enabled: true });
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });

  it('the same file restores a backup into a new workspace on a fresh device, which can then be removed', async () => {
    const R = await peer();
    await R.page.goto(baseUrl());
    await R.page.getByRole('button', { name: '从备份恢复' }).click();
    await R.page.locator('#restore-file').setInputFiles(`${OUT}/a-full.keyuan`);
    await expect.poll(() => R.page.locator('#restore-name').inputValue()).toBe('营销1班第2组');
    await R.page.fill('#restore-name', '营销1班第2组(恢复)');
    await R.page.getByRole('button', { name: '恢复', exact: true }).click();
    await R.page.getByText('已恢复。您是谁?').waitFor();
    await R.page.locator('.user-pick').getByRole('button', { name: '王老师' }).click();
    await R.page.waitForURL(/#\/w\/[a-z0-9]+$/);
    R.wsId = R.page.url().split('/w/')[1];
    await expectCustomers(R.page, R.wsId, ['KH001', 'KH400'], 10_000);
    // an independent copy: no password given, so it syncs with nobody
    await goto(R.page, R.wsId, 'settings?tab=log');
    await expect(R.page.locator('.system-log').innerText()).resolves.toContain('从 王老师');
    await R.page.getByRole('tab', { name: '同步', exact: true }).click();
    await R.page.getByRole('button', { name: '删除本机副本' }).click();
    await expect(R.page.getByRole('alert').first().innerText()).resolves.toContain('永久丢失');
    const del = R.page.locator('.modal').getByRole('button', { name: '永久删除' });
    expect(await del.isDisabled()).toBe(true);
    await R.page.fill('#remove-confirm-name', '营销1班第2组(恢复)');
    await del.click();
    await R.page.getByText('本机副本已删除').waitFor();
    await expect(R.page.locator('.ws-list, .muted').first().innerText()).resolves.not.toContain('营销1班第2组(恢复)');
    expect(R.errors).toEqual([]);
    await R.browser.close();
  });

  it('a malformed record from a real peer is shown as such and crashes nothing', async () => {
    const bundle = await build({
      configFile: false, logLevel: 'silent',
      build: { write: false, minify: false, lib: { entry: 'e2e/hostile-peer.ts', formats: ['iife'], name: 'HostilePeer' } },
    });
    const out = (Array.isArray(bundle) ? bundle[0] : bundle) as { output: { code?: string }[] };
    const js = out.output[0].code!;
    const H = await peer();
    // a page of the same server (the welcome page of an empty profile: it opens no workspace and no room)
    await H.page.goto(baseUrl());
    await H.page.addScriptTag({ content: js });
    const room = JSON.parse(Buffer.from(code.slice(4).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString()).r;
    const r = await H.page.evaluate(([room, pw, sig]) => (globalThis as unknown as { hostile: (a: string, b: string, c: string[]) => Promise<{ customers: number }> }).hostile(room, pw, [sig]), [room, password, sigUrl] as const);
    expect(r.customers).toBeGreaterThan(4);
    // A lists the bad record marked, the page of it lists what is wrong, nothing crashed
    await goto(A.page, A.wsId, 'customers');
    await expect.poll(async () => (await rowTexts(A.page)).some((x) => x.includes('KH-EVIL')), { timeout: 20_000 }).toBe(true);
    const evilRow = A.page.locator('.grid-row', { hasText: 'KH-EVIL' });
    await expect(evilRow.locator('.bad-mark').count()).resolves.toBe(1);
    await evilRow.getByRole('link', { name: 'KH-EVIL' }).click();
    await A.page.waitForURL(/customers\/evil1$/);
    await expect(A.page.getByRole('alert').first().innerText()).resolves.toContain('格式错误');
    await shot(A.page, 'sync-malformed-record');
    await A.page.locator('.sync-chip').click();
    await expect(A.page.locator('.modal').innerText()).resolves.toContain('已拒绝的对方消息');
    await A.page.keyboard.press('Escape');
    // the garbage presence is rendered as text, capped
    expect(await A.page.locator('.presence .avatar').count()).toBeGreaterThan(0);
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
    await H.browser.close();
  });
});

describe('beyond one classroom: an existing Yjs server (y-websocket)', () => {
  let server: LocalServer;
  beforeAll(async () => { server = await yjsServer(); });
  afterAll(async () => { await server?.stop(); });

  it('(h) two browsers sync through a y-websocket server on 127.0.0.1', async () => {
    const wsUrl = `ws://127.0.0.1:${server.port}`;
    const E = await peer();
    E.wsId = await createWorkspace(E.page, '公司总部', '王老师');
    await addCustomer(E.page, E.wsId, 'KH900', '总部客户');
    await setSync(E.page, E.wsId, { signaling: [], websocket: wsUrl });
    await goto(E.page, E.wsId, 'customers');
    await expectChip(E.page, /已通过 Yjs 服务器同步/);
    const inv = await invite(E.page, E.wsId);
    const F = await peer();
    F.wsId = await join(F.page, inv.code, inv.password);
    await becomeNewMember(F.page, '分部同事');
    await expectCustomers(F.page, F.wsId, ['KH900']);
    await addCustomer(F.page, F.wsId, 'KH901', '分部客户');
    await addActivity(F.page, F.wsId, '分部回访');
    await expectCustomers(E.page, E.wsId, ['KH901']);
    await expectActivities(E.page, E.wsId, ['分部回访']); // the activities group's server document
    await goto(E.page, E.wsId, 'customers');
    await E.page.locator('.sync-chip').click();
    // the servers are technical detail: folded away until asked for
    await E.page.locator('.modal details.sync-tech summary').click();
    await expect(E.page.locator('.modal').innerText()).resolves.toContain(wsUrl);
    await shot(E.page, 'sync-yjs-server');
    expect(E.errors).toEqual([]);
    expect(F.errors).toEqual([]);
    void chip;
  });
});
