import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { createWorkspace, goto, injectUpdate, rowTexts, shot, sidewaysOverflow } from './lib';
import { addCustomer, becomeNewMember, expectCustomers, invite, join, setSync, type Peer, peersOfThisFile } from './sync-helpers';
import { Workspace } from '../src/store/core/workspace';

// 班级看板 (issue 15 items 3 and 5): a teacher follows two groups by join code over real WebRTC
// (separate Chromium processes, local signaling), sees each member's contribution, opens a group
// read-only and cannot write to it, exports the table; reset to the sample company with a backup
// first, which the old room's peers cannot undo; a fork that keeps the data and stays apart.

const { url: signalingUrl, peer } = peersOfThisFile();

/**
 * Records made as two members, through the store's collections in Node (each write stamped with
 * its author), as the update a peer's sync would bring: added to the group's stored document.
 */
function membersWork(prefix: string, an: string, bo: string): Uint8Array {
  const ws = new Workspace('seed');
  const users = ws.collection('users');
  const customers = ws.collection('customers');
  ws.transact(() => {
    users.create({ name: an, code: `${prefix}01`, roleId: 'role-member', active: true }, `${prefix}-an`);
    users.create({ name: bo, code: `${prefix}02`, roleId: 'role-member', active: true }, `${prefix}-bo`);
  });
  ws.actorId = `${prefix}-an`;
  ws.transact(() => {
    customers.create({ code: `${prefix}-K1`, name: `${an}的客户一`, kind: 'customer', ownerId: `${prefix}-an` }, `${prefix}-c1`);
    customers.create({ code: `${prefix}-K2`, name: `${an}的客户二`, kind: 'customer', ownerId: `${prefix}-an` }, `${prefix}-c2`);
  });
  ws.actorId = `${prefix}-bo`;
  ws.transact(() => {
    customers.create({ code: `${prefix}-K3`, name: `${bo}的客户`, kind: 'customer', ownerId: `${prefix}-bo` }, `${prefix}-c3`);
    customers.update(`${prefix}-c1`, { address: '学院路 1 号' });
  });
  return Y.encodeStateAsUpdate(ws.doc);
}

/** Every Yjs client id in a workspace's stored documents on a page (who ever wrote to it). */
async function writersOf(page: Page, wsId: string): Promise<number[]> {
  const rows = await page.evaluate(async (id) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n === `keyuan-ws-${id}` || n.startsWith(`keyuan-ws-${id}@`));
    const out: number[][] = [];
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      const all = await new Promise<unknown[]>((res) => { const r = db.transaction('updates').objectStore('updates').getAll(); r.onsuccess = () => res(r.result); });
      for (const v of all) if (v instanceof Uint8Array) out.push(Array.from(v));
      db.close();
    }
    return out;
  }, wsId);
  const ids = new Set<number>();
  for (const r of rows) for (const k of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(new Uint8Array(r))).keys()) ids.add(k);
  return [...ids].sort();
}

/** A group: a browser with a workspace, two members' work in it, syncing over the local signaling. */
async function group(name: string, prefix: string, an: string, bo: string): Promise<Peer & { code: string; password: string }> {
  const g = await peer();
  g.wsId = await createWorkspace(g.page, name, '王老师');
  await injectUpdate(g.page, g.wsId, membersWork(prefix, an, bo));
  await g.page.reload();
  await setSync(g.page, g.wsId, { signaling: [signalingUrl()] });
  await expectCustomers(g.page, g.wsId, [`${prefix}-K1`, `${prefix}-K3`]);
  return { ...g, ...(await invite(g.page, g.wsId)) };
}

const t0 = Date.now();
/** Progress in the log: where a slow or stuck run spends its time. */
const step = (what: string) => console.log(`[classview ${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);

const groupRow = (page: Page, name: string) => page.locator(`.class-table tbody[data-group="${name}"]`);

describe('class view', () => {
  it('follows two groups by join code: contributions per member, read-only copy, CSV; screenshots', async () => {
    // side by side: each waits mostly on its own browser starting and its page loading
    const [G1, G2] = await Promise.all([group('一班第1组', 'A', '安然', '白露'), group('一班第2组', 'B', '陈晨', '丁香')]);
    const before = await writersOf(G1.page, G1.wsId);
    step('groups ready');

    const T = await peer();
    T.wsId = await createWorkspace(T.page, '王老师的工作区', '王老师');
    await goto(T.page, T.wsId, 'class');
    await T.page.getByTestId('class-empty').waitFor();
    // one group by its code…
    await T.page.getByRole('button', { name: '添加小组' }).click();
    await T.page.fill('#cv-code', G1.code);
    await T.page.fill('#cv-password', G1.password);
    await T.page.locator('.modal').getByRole('button', { name: '添加小组' }).click();
    await T.page.getByText('已添加小组“一班第1组”').waitFor();
    // …the other from a class list, whose bad rows are named one by one
    const list = `组名,加入码,密码\r\n一班第2组,${G2.code},${G2.password}\r\n一班第9组,KY1.nonsense,x\r\n,${G2.code},y\r\n`;
    await T.page.getByTestId('class-list-file').setInputFiles({ name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(list) });
    await T.page.getByText('第 3 行:“一班第9组”的加入码无效').waitFor();
    await T.page.getByText('第 4 行:缺少组名').waitFor();
    step('groups added');

    // the table fills from each group's peers: members and their work, synced live
    for (const [name, an, bo] of [['一班第1组', '安然', '白露'], ['一班第2组', '陈晨', '丁香']]) {
      const row = groupRow(T.page, name);
      await expect.poll(async () => (await row.locator('tr.member-row').allInnerTexts()).join('|'), { timeout: 45_000 }).toContain(bo);
      const anRow = row.locator(`tr.member-row[data-member="${an}"]`);
      const boRow = row.locator(`tr.member-row[data-member="${bo}"]`);
      // customers column: created / edited (安 made two, 白 made one and edited one of 安's)
      await expect.poll(() => anRow.locator('td[data-module=customers]').innerText()).toBe('2 / 0');
      await expect.poll(() => boRow.locator('td[data-module=customers]').innerText()).toBe('1 / 1');
      await expect.poll(() => row.getByTestId('last-synced').innerText(), { timeout: 30_000 }).not.toBe('从未');
    }
    step('table filled');
    // a live edit in a group reaches the table
    await addCustomer(G2.page, G2.wsId, 'B-K9', '王老师加的客户');
    await expect.poll(() => groupRow(T.page, '一班第2组').locator('tr.group-row td[data-module=customers]').innerText(), { timeout: 30_000 }).toBe('4');

    step('live edit shown');
    const [csv] = await Promise.all([T.page.waitForEvent('download'), T.page.getByRole('button', { name: '导出 CSV' }).click()]);
    const text = (await import('node:fs')).readFileSync((await csv.path())!, 'utf8');
    expect(text.startsWith('\ufeff小组,成员,最近活动,最近同步,问题,')).toBe(true);
    expect(text).toMatch(/一班第1组,安然,[^\r\n]*,2,0,/);
    expect(text).toMatch(/一班第1组,白露,[^\r\n]*,1,1,/);

    for (const [w, h] of [[1280, 800], [768, 1024], [390, 844]] as const) {
      await T.page.setViewportSize({ width: w, height: h });
      await T.page.waitForTimeout(200);
      const o = await sidewaysOverflow(T.page);
      expect(o, `${w}`).toEqual({ doc: 0, offenders: [] });
      await shot(T.page, `classview-${w}`);
    }
    await T.page.setViewportSize({ width: 1280, height: 800 });

    step('csv + screenshots');
    // a cell: who did what in that module; then the group's workspace, read-only
    await groupRow(T.page, '一班第1组').locator('tr.member-row[data-member="白露"] .link-btn').first().click();
    await T.page.locator('.modal .class-detail').getByText('白露').waitFor();
    await shot(T.page, 'classview-detail');
    await T.page.getByTestId('open-read-only').click();
    await T.page.getByTestId('read-only-banner').waitFor();
    const copyId = T.page.url().split('/w/')[1].split('/')[0];
    await goto(T.page, copyId, 'customers');
    await expect.poll(async () => (await rowTexts(T.page)).join('|'), { timeout: 20_000 }).toContain('A-K3');
    // every way to write is refused, and says why
    await expect(T.page.getByRole('button', { name: '+ 新增' }).first().isDisabled()).resolves.toBe(true);
    await T.page.getByText('只读副本:修改不会写入小组').first().waitFor();
    await T.page.locator('.grid-rows .grid-row').first().click();
    await T.page.keyboard.press('Alt+A');
    await T.page.keyboard.press('Alt+E');
    expect(await T.page.locator('.modal').count()).toBe(0);
    await shot(T.page, 'classview-readonly-copy');
    // nothing the teacher's device did reached the group: no new writer in its documents
    await G1.page.waitForTimeout(1500);
    expect(await writersOf(G1.page, G1.wsId)).toEqual(before);

    step('read-only checked');
    // English
    await goto(T.page, T.wsId, 'class');
    await T.page.getByRole('button', { name: 'English' }).click();
    await T.page.getByRole('button', { name: 'Export CSV' }).waitFor();
    await expect.poll(() => groupRow(T.page, '一班第1组').locator('tr.member-row').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await shot(T.page, 'classview-en-1280');

    for (const p of [G1, G2, T]) expect(p.errors).toEqual([]);
  }, 300_000);

  it('reset to the sample company writes a backup first; the old room cannot bring the old data back', async () => {
    const A = await peer();
    A.wsId = await createWorkspace(A.page, '重置组', '王老师');
    await setSync(A.page, A.wsId, { signaling: [signalingUrl()] });
    await addCustomer(A.page, A.wsId, 'OLD1', '旧的客户');
    const old = await invite(A.page, A.wsId);
    const B = await peer();
    B.wsId = await join(B.page, old.code, old.password);
    await becomeNewMember(B.page, '同学乙');
    await expectCustomers(B.page, B.wsId, ['OLD1']);

    step('reset: peers ready');
    await goto(A.page, A.wsId, 'settings?tab=workspace');
    await A.page.getByRole('button', { name: '重置为示例公司' }).click();
    const run = A.page.locator('.modal').getByRole('button', { name: '备份并重置' });
    await A.page.fill('#reset-name', '重置');
    expect(await run.isDisabled()).toBe(true);
    await A.page.fill('#reset-name', '重置组');
    await shot(A.page, 'reset-confirm');
    const [backup] = await Promise.all([A.page.waitForEvent('download'), run.click()]);
    expect(backup.suggestedFilename()).toMatch(/^重置组-重置前备份-.*\.keyuan$/);
    await A.page.waitForURL(/settings\?tab=sync/, { timeout: 60_000 });
    // the restore point holds the old records
    await goto(A.page, A.wsId, 'settings?tab=recovery');
    await A.page.locator('.restore-points tr[data-kind=event]').first().waitFor();
    const rows = await expectCustomers(A.page, A.wsId, ['KH']);
    expect(rows.some((r) => r.includes('OLD1'))).toBe(false);

    step('reset: done');
    // the old room's peer keeps working; nothing of it reaches the reset workspace
    await addCustomer(B.page, B.wsId, 'OLD2', '旧房间里新加的');
    // the original, on the old room's device, is untouched by the reset
    await expectCustomers(B.page, B.wsId, ['OLD1', 'OLD2']);
    await A.page.waitForTimeout(4000);
    const after = await expectCustomers(A.page, A.wsId, ['KH']);
    expect(after.some((r) => /OLD1|OLD2/.test(r))).toBe(false);

    // the new code brings the member into the new workspace, still without the old data
    const fresh = await invite(A.page, A.wsId);
    expect(fresh.code).not.toBe(old.code);
    const B2 = await join(B.page, fresh.code, fresh.password);
    await becomeNewMember(B.page, '同学乙');
    const onB = await expectCustomers(B.page, B2, ['KH'], 60_000);
    expect(onB.some((r) => /OLD1|OLD2/.test(r))).toBe(false);
    await A.page.waitForTimeout(2000);
    expect((await expectCustomers(A.page, A.wsId, ['KH'])).some((r) => /OLD1|OLD2/.test(r))).toBe(false);
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  }, 300_000);

  it('a fork keeps the data and does not sync back to the group', async () => {
    const A = await peer();
    A.wsId = await createWorkspace(A.page, '分叉组', '王老师');
    await setSync(A.page, A.wsId, { signaling: [signalingUrl()] });
    await addCustomer(A.page, A.wsId, 'F1', '组里的客户');
    const { code, password } = await invite(A.page, A.wsId);
    const B = await peer();
    B.wsId = await join(B.page, code, password);
    await becomeNewMember(B.page, '同学丙');
    await expectCustomers(B.page, B.wsId, ['F1']);

    step('fork: peers ready');
    await goto(B.page, B.wsId, 'settings?tab=workspace');
    await B.page.fill('#fork-name', '丙的沙盒');
    await B.page.locator('.reset-fork').getByRole('button', { name: '复制为个人沙盒' }).click();
    await B.page.getByTestId('open-fork').click();
    await B.page.waitForURL((u) => !u.href.includes(B.wsId));
    const forkId = B.page.url().split('/w/')[1].split('/')[0];
    await expectCustomers(B.page, forkId, ['F1']);
    await addCustomer(B.page, forkId, 'F2', '只在沙盒里');
    await expectCustomers(B.page, forkId, ['F1', 'F2']);
    await A.page.waitForTimeout(4000);
    expect((await expectCustomers(A.page, A.wsId, ['F1'])).some((r) => r.includes('F2'))).toBe(false);
    expect((await expectCustomers(B.page, B.wsId, ['F1'])).some((r) => r.includes('F2'))).toBe(false);
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  }, 240_000);

  it('memory: three groups seeded with the sample company, followed headless', async () => {
    const T = await peer();
    T.wsId = await createWorkspace(T.page, '测内存', '王老师');
    const cdp = await T.page.context().newCDPSession(T.page);
    const heap = async () => { await cdp.send('HeapProfiler.collectGarbage'); return Math.round((await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6); };
    const base = await heap();
    await goto(T.page, T.wsId, 'class');
    await T.page.getByRole('button', { name: '创建班级' }).click();
    await T.page.fill('#cv-count', '3');
    await T.page.locator('.modal').getByRole('button', { name: '创建', exact: true }).click();
    await T.page.getByText('已创建 3 个小组').waitFor({ timeout: 120_000 });
    const made = await T.page.locator('.class-list-made tbody tr').allInnerTexts();
    expect(made).toHaveLength(3);
    expect(made.every((r) => /KY1\./.test(r))).toBe(true);
    await T.page.keyboard.press('Escape');
    for (let n = 1; n <= 3; n++) {
      await expect.poll(() => groupRow(T.page, `测内存第${n}组`).locator('tr.group-row td[data-module=customers]').innerText(), { timeout: 120_000 }).toBe('420');
    }
    step('memory: 3 groups summarised');
    const following = await heap();
    await goto(T.page, T.wsId, '');
    await T.page.waitForTimeout(1000);
    const after = await heap();
    console.log(`[classview memory] JS heap: own workspace ${base} MB; class view following 3 sample-company groups (2 open at a time) ${following} MB; after leaving the class view ${after} MB`);
    expect(following - base).toBeLessThan(400);
    expect(T.errors).toEqual([]);
  }, 300_000);
});
