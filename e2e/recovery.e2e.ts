import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { baseUrl, createWorkspace, goto, OUT, rowTexts, shot } from './lib';
import { addCustomer, becomeNewMember, expectChip, expectCustomers, invite, join, newPeer, setSync, signalingServer, type LocalServer, type Peer } from './sync-helpers';

// Issue 10, finding 5: a peer erases the group's customers. Raw deletes are healed by every honest
// peer's merge; forged purge tombstones are not — the honest peers warn, naming who did it, and
// restore the records from the automatic restore point as new writes, which stay.
// Real WebRTC between separate Chromium processes (scripts/e2e.mjs runs it with loopback only).

type Wiper = {
  join(room: string, password: string, signaling: string[], customers: number): Promise<number>;
  wipe(mode: 'raw' | 'tombstones'): number;
  count(): number;
};

const CODES = ['KH001', 'KH002', 'KH003', 'KH004', 'KH005', 'KH006'];
const NAMES = ['杭州恒远机械', '宁波海联贸易', '温州东方电器', '绍兴纺织集团', '嘉兴港务物流', '湖州绿源农业'];

let signaling: LocalServer;
let sigUrl: string;
const peers: Peer[] = [];
let A: Peer;
let B: Peer;
let H: Peer;

async function peer(): Promise<Peer> {
  const p = { ...(await newPeer()), wsId: '' };
  peers.push(p);
  return p;
}

const wiper = (p: Peer) => ({
  join: (room: string, pw: string, sig: string, n: number) => p.page.evaluate(([r, w, s, k]) => (globalThis as unknown as { wiper: Wiper }).wiper.join(r, w, [s], k), [room, pw, sig, n] as const),
  wipe: (mode: 'raw' | 'tombstones') => p.page.evaluate((m) => (globalThis as unknown as { wiper: Wiper }).wiper.wipe(m), mode),
  count: () => p.page.evaluate(() => (globalThis as unknown as { wiper: Wiper }).wiper.count()),
});

async function customerRows(p: Peer): Promise<string[]> {
  return (await rowTexts(p.page)).filter((r) => /KH00\d/.test(r));
}

beforeAll(async () => {
  signaling = await signalingServer();
  sigUrl = `ws://127.0.0.1:${signaling.port}`;
});

afterAll(async () => {
  for (const p of peers) await p.browser.close().catch(() => undefined);
  await signaling?.stop();
});

describe('recovery from a hostile peer that erases the customers', () => {
  it('a group of two honest peers and a hostile one', async () => {
    A = await peer();
    A.wsId = await createWorkspace(A.page, '营销1班第3组', '王老师');
    for (let i = 0; i < CODES.length; i++) await addCustomer(A.page, A.wsId, CODES[i], NAMES[i]);
    await setSync(A.page, A.wsId, { signaling: [sigUrl] });
    const { code, password } = await invite(A.page, A.wsId);
    B = await peer();
    B.wsId = await join(B.page, code, password);
    await becomeNewMember(B.page, '李同学');
    await expectCustomers(B.page, B.wsId, CODES);
    await expectChip(A.page, /已连接 1 台设备/);

    const bundle = await build({
      configFile: false, logLevel: 'silent',
      build: { write: false, minify: false, lib: { entry: 'e2e/hostile-wipe.ts', formats: ['iife'], name: 'HostileWipe' } },
    });
    const js = ((Array.isArray(bundle) ? bundle[0] : bundle) as { output: { code?: string }[] }).output[0].code!;
    H = await peer();
    await H.page.goto(baseUrl()); // the welcome page of an empty profile: no workspace, no room of its own
    await H.page.addScriptTag({ content: js });
    const room = JSON.parse(Buffer.from(code.slice(4).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString()).r;
    expect(await wiper(H).join(room, password, sigUrl, CODES.length)).toBe(CODES.length);
    await expectChip(A.page, /已连接 2 台设备/);
  });

  it('raw deletes of every customer are healed on both honest peers, without a warning', async () => {
    for (const p of [A, B]) await expectCustomers(p.page, p.wsId, CODES);
    expect(await wiper(H).wipe('raw')).toBe(CODES.length);
    // the hostile peer's own copy gets them back from the honest peers' merge
    await expect.poll(() => wiper(H).count(), { timeout: 15_000 }).toBe(CODES.length);
    await A.page.waitForTimeout(1500);
    for (const p of [A, B]) {
      expect(await customerRows(p)).toHaveLength(CODES.length);
      expect(await p.page.locator('[data-testid=recovery-warning]').count()).toBe(0);
    }
  });

  it('forged tombstones erase them everywhere; both honest peers warn, naming the hostile user', async () => {
    expect(await wiper(H).wipe('tombstones')).toBe(CODES.length);
    for (const p of [A, B]) {
      await expect.poll(() => customerRows(p), { timeout: 15_000 }).toEqual([]);
      const banner = p.page.locator('[data-testid=recovery-warning]');
      await banner.waitFor({ timeout: 15_000 });
      const text = await banner.innerText();
      expect(text).toContain('捣乱者');
      expect(text).toContain('永久删除了 6 条不在回收站中的客户');
      expect(text).toContain('查看并恢复');
    }
    await shot(A.page, 'recovery-warning');
    // B dismisses it: gone, and still gone after a reload (per device)
    await B.page.locator('[data-testid=recovery-warning]').getByRole('button', { name: '忽略' }).click();
    await B.page.locator('[data-testid=recovery-warning]').waitFor({ state: 'detached' });
    await B.page.reload();
    await B.page.locator('h1.page-title').first().waitFor();
    await B.page.waitForTimeout(1000);
    expect(await B.page.locator('[data-testid=recovery-warning]').count()).toBe(0);
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });

  it('A restores from the automatic restore point; the customers are back on both peers and stay back', async () => {
    await A.page.locator('[data-testid=recovery-warning]').getByRole('button', { name: '查看并恢复' }).click();
    await A.page.waitForURL(/settings\?tab=recovery/);
    const preview = A.page.locator('[data-testid=restore-preview]');
    await preview.locator('tr[data-collection=customers]').waitFor({ timeout: 10_000 });
    const row = await preview.locator('tr[data-collection=customers]').innerText();
    expect(row).toMatch(/客户[\s\S]*6[\s\S]*0/);
    expect(await preview.innerText()).toContain('缺失 6 条');
    // the restore point is listed with who and what
    const listed = await A.page.locator('.restore-points tr[data-kind=event]').first().innerText();
    expect(listed).toContain('捣乱者');
    await shot(A.page, 'recovery-preview');
    await A.page.locator('.modal').getByRole('button', { name: '恢复所选记录(6)' }).click();
    await A.page.getByText('已恢复 6 条记录').first().waitFor();
    // the warning was acted on: gone on this device
    await A.page.locator('[data-testid=recovery-warning]').waitFor({ state: 'detached' });
    await shot(A.page, 'recovery-tab');
    for (const p of [A, B]) await expectCustomers(p.page, p.wsId, [...CODES, ...NAMES], 15_000);
    await expect.poll(() => wiper(H).count(), { timeout: 15_000 }).toBe(CODES.length);
    // still there a while later, on both, with the hostile peer connected all along
    await A.page.waitForTimeout(4000);
    for (const p of [A, B]) {
      await goto(p.page, p.wsId, 'customers');
      await p.page.locator('h1.page-title', { hasText: '客户档案' }).waitFor();
      await expect.poll(() => customerRows(p), { timeout: 5_000 }).toHaveLength(CODES.length);
    }
    // the restore is in the system log on the other peer
    await goto(B.page, B.wsId, 'settings?tab=log');
    await expect.poll(() => B.page.locator('.system-log').innerText(), { timeout: 10_000 }).toContain('还原点恢复了 6 条记录');
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });

  it('a backup taken before a second wipe restores the records (importing it merges nothing back)', async () => {
    await goto(A.page, A.wsId, 'settings?tab=sync');
    const [dl] = await Promise.all([A.page.waitForEvent('download'), A.page.getByRole('button', { name: '导出全部(备份)' }).click()]);
    const backup = `${OUT}/recovery-backup.keyuan`;
    await dl.saveAs(backup);
    expect(await wiper(H).wipe('tombstones')).toBe(CODES.length);
    await goto(A.page, A.wsId, 'customers');
    await expect.poll(() => customerRows(A), { timeout: 15_000 }).toEqual([]);
    // the plain import merges: nothing comes back
    await goto(A.page, A.wsId, 'settings?tab=sync');
    await A.page.locator('[data-testid=import-file]').setInputFiles(backup);
    await A.page.getByText(/已合并/).first().waitFor();
    await goto(A.page, A.wsId, 'customers');
    await A.page.waitForTimeout(500);
    expect(await customerRows(A)).toEqual([]);
    // restoring records from it does
    await goto(A.page, A.wsId, 'settings?tab=recovery');
    await A.page.locator('[data-testid=restore-records-file]').setInputFiles(backup);
    const preview = A.page.locator('[data-testid=restore-preview]');
    await preview.locator('tr[data-collection=customers]').waitFor();
    expect(await A.page.locator('.modal-title').innerText()).toContain('王老师');
    await A.page.locator('.modal').getByRole('button', { name: '恢复所选记录(6)' }).click();
    for (const p of [A, B]) await expectCustomers(p.page, p.wsId, [...CODES, ...NAMES], 15_000);
    await expect.poll(() => wiper(H).count(), { timeout: 15_000 }).toBe(CODES.length);
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });
});
