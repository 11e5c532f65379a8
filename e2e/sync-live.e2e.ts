import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createWorkspace, goto, rowTexts, shot } from './lib';
import {
  addCustomer, becomeNewMember, editCustomer, expectChip, expectCustomers, invite, join, newPeer, setSync,
  signalingServer, type LocalServer, type Peer,
} from './sync-helpers';

// Sync never silently stops (issue 10): after two peers merged concurrent edits of one record,
// every later edit still crosses, both ways, in about a second. Two Chromium processes over real
// WebRTC, signaling on 127.0.0.1, inside the loopback-only namespace of scripts/e2e.mjs.

let signaling: LocalServer;
let sigUrl: string;
let A: Peer;
let B: Peer;

beforeAll(async () => {
  signaling = await signalingServer();
  sigUrl = `ws://127.0.0.1:${signaling.port}`;
});

afterAll(async () => {
  for (const p of [A, B]) await p?.browser.close().catch(() => undefined);
  await signaling?.stop();
});

/** The customer list on this page (already open) shows `text` within `ms`: returns how long it took. */
async function arrives(page: Page, text: string, ms = 4000): Promise<number> {
  const t0 = Date.now();
  await expect.poll(async () => (await rowTexts(page)).some((r) => r.includes(text)), { timeout: ms, interval: 50 }).toBe(true);
  return Date.now() - t0;
}

async function openList(p: Peer): Promise<void> {
  await goto(p.page, p.wsId, 'customers');
  await p.page.locator('h1.page-title', { hasText: '客户档案' }).waitFor();
  await expect.poll(async () => (await rowTexts(p.page)).length, { timeout: 10_000 }).toBeGreaterThan(0);
}

const codes = async (page: Page) => (await rowTexts(page)).map((r) => r.match(/KH\d+/)?.[0]).filter(Boolean).sort();

describe('sync never silently stops', () => {
  it('after a merge of concurrent edits made apart, live edits keep crossing both ways', async () => {
    A = { ...(await newPeer()), wsId: '' };
    A.wsId = await createWorkspace(A.page, '营销1班第3组', '王老师');
    await addCustomer(A.page, A.wsId, 'KH001', '杭州恒远机械');
    await setSync(A.page, A.wsId, { signaling: [sigUrl] });
    const { code, password } = await invite(A.page, A.wsId);
    B = { ...(await newPeer()), wsId: '' };
    B.wsId = await join(B.page, code, password);
    await becomeNewMember(B.page, '李同学');
    await expectCustomers(B.page, B.wsId, ['KH001']);
    await expectChip(B.page, /已连接 1 台设备/);
    await expectChip(A.page, /已连接 1 台设备/);

    // both turn sync off; each edits another field of KH001 and adds a customer
    await setSync(A.page, A.wsId, { enabled: false });
    await setSync(B.page, B.wsId, { enabled: false });
    await editCustomer(A.page, A.wsId, 'KH001', { phone: '0571-88880000' });
    await editCustomer(B.page, B.wsId, 'KH001', { name: '杭州恒远机械集团' });
    await addCustomer(A.page, A.wsId, 'KH100', '甲方新客户');
    await addCustomer(B.page, B.wsId, 'KH200', '乙方新客户');

    // sync on: they converge, keeping both edits and both new customers
    await setSync(A.page, A.wsId, { enabled: true });
    await setSync(B.page, B.wsId, { enabled: true });
    for (const p of [A, B]) {
      const rows = await expectCustomers(p.page, p.wsId, ['KH100', 'KH200', '杭州恒远机械集团', '0571-88880000']);
      const kh001 = rows.find((r) => r.includes('KH001'))!;
      expect(kh001).toContain('杭州恒远机械集团');
      expect(kh001).toContain('0571-88880000');
      expect(await codes(p.page)).toEqual(['KH001', 'KH100', 'KH200']);
    }
    await expectChip(A.page, /已连接 1 台设备/);
    await expectChip(B.page, /已连接 1 台设备/);

    // then live edits, both ways, each arrives in about a second and nothing leaves the list
    const rounds: [Peer, Peer, string, Record<string, string>, string][] = [
      [A, B, 'KH100', { name: '甲方新客户(改)' }, '甲方新客户(改)'],
      [B, A, 'KH200', { name: '乙方新客户(改)' }, '乙方新客户(改)'],
      [A, B, 'KH001', { phone: '0571-99990000' }, '0571-99990000'],
      [B, A, 'KH001', { name: '恒远机械集团(总部)' }, '恒远机械集团(总部)'],
    ];
    const took: number[] = [];
    for (const [from, to, code, values, shown] of rounds) {
      await openList(to);
      await editCustomer(from.page, from.wsId, code, values);
      took.push(await arrives(to.page, shown));
      expect(await codes(to.page)).toEqual(['KH001', 'KH100', 'KH200']);
    }
    console.log(`[sync-live] live edits arrived after ${took.join(', ')} ms`);
    for (const p of [A, B]) {
      const rows = await expectCustomers(p.page, p.wsId, ['甲方新客户(改)', '乙方新客户(改)', '恒远机械集团(总部)', '0571-99990000'], 5_000);
      expect(rows.filter((r) => /KH\d/.test(r))).toHaveLength(3);
      const kh001 = rows.find((r) => r.includes('KH001'))!;
      expect(kh001).toContain('恒远机械集团(总部)');
      expect(kh001).toContain('0571-99990000');
      // nothing waits on a missing update: the chip says connected, not catching up
      await expectChip(p.page, /已连接 1 台设备/, 5_000);
      expect(await p.page.locator('.sync-chip').getAttribute('data-phase')).toBe('connected');
    }
    await shot(B.page, 'sync-live-after-merge');
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });
});
