import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createWorkspace, fill, goto, shot, sidewaysOverflow } from './lib';
import { addCustomer, becomeNewMember, invite, join, setSync, peersOfThisFile } from './sync-helpers';

// Issue 15's browser test: two students of one group, each on a device of their own (separate
// Chromium processes) over real WebRTC, do experiment 3's steps; each device's guide turns both
// students' steps green with the right names. The teacher's browser, following that group and a
// second one by join code, shows both groups' progress per experiment, a cell opens the steps,
// and the CSV for grading carries the progress; with the group's devices offline it still shows
// what was last synced and when.

const { url: signalingUrl, peer } = peersOfThisFile();

const panel = (page: Page) => page.locator('aside.lab-guide');
const step = (page: Page, key: string) => panel(page).locator(`.lab-step[data-step="${key}"]`);
const groupRow = (page: Page, name: string) => page.locator(`.class-table tbody[data-group="${name}"]`);

/** The lab page's 客户管理 card opened in the panel. */
async function openExperiment3(page: Page, wsId: string): Promise<void> {
  await goto(page, wsId, 'lab');
  await page.locator('.lab-card[data-guide="customers"]').getByRole('button', { name: /打开/ }).click();
  await panel(page).getByRole('heading', { name: /实验三\s*客户管理/ }).waitFor();
}

describe('experiment 3 by two students on two devices, followed by the teacher', () => {
  it('both devices tick both students’ steps with their names; the teacher sees two groups’ progress, the steps, and the CSV', async () => {
    const sig = [signalingUrl()];
    // group 1: 安然 makes the workspace; 白露 joins by code from another browser
    const A = await peer();
    A.wsId = await createWorkspace(A.page, '二班第1组', '安然');
    await setSync(A.page, A.wsId, { signaling: sig });
    const g1 = await invite(A.page, A.wsId);
    const B = await peer();
    B.wsId = await join(B.page, g1.code, g1.password);
    await becomeNewMember(B.page, '白露', '安然');

    // 安然 starts experiment 3; 白露's device has the start with the data
    await openExperiment3(A.page, A.wsId);
    await panel(A.page).getByRole('button', { name: '开始实验' }).click();
    await expect.poll(() => panel(A.page).getByTestId('lab-count').innerText()).toBe('已完成 0/7');
    await openExperiment3(B.page, B.wsId);
    await expect.poll(() => panel(B.page).getByTestId('lab-count').innerText(), { timeout: 30_000 }).toBe('已完成 0/7');

    // each does a step on their own device
    await addCustomer(A.page, A.wsId, 'SY101', '二班实验客户有限公司');
    await goto(B.page, B.wsId, 'competitors');
    await B.page.getByRole('heading', { name: '竞争对手' }).waitFor();
    await B.page.keyboard.press('Alt+A');
    await fill(B.page, 'name', '二班实验对手');
    await B.page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await B.page.locator('.modal').waitFor({ state: 'detached' });

    // both devices: both steps green, each with who did it
    for (const P of [A, B]) {
      await expect.poll(() => step(P.page, 'customer').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      await expect.poll(() => step(P.page, 'competitor').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      await expect(step(P.page, 'customer').innerText()).resolves.toContain('安然 完成');
      await expect(step(P.page, 'competitor').innerText()).resolves.toContain('白露 完成');
      await expect(panel(P.page).getByTestId('lab-count').innerText()).resolves.toBe('已完成 2/7');
    }
    await shot(A.page, 'lab-peers-student-a-1280x800');
    await B.page.setViewportSize({ width: 768, height: 1024 });
    await B.page.waitForTimeout(300);
    expect((await sidewaysOverflow(B.page)).doc).toBeLessThanOrEqual(0);
    await shot(B.page, 'lab-peers-student-b-768x1024');

    // group 2: 陈晨 alone, experiment 3 not started
    const C = await peer();
    C.wsId = await createWorkspace(C.page, '二班第2组', '陈晨');
    await setSync(C.page, C.wsId, { signaling: sig });
    const g2 = await invite(C.page, C.wsId);

    // the teacher follows both: one by its code, one from a class list
    const T = await peer();
    T.wsId = await createWorkspace(T.page, '王老师的班级', '王老师');
    await goto(T.page, T.wsId, 'class');
    await T.page.getByRole('button', { name: '添加小组' }).click();
    await T.page.fill('#cv-code', g1.code);
    await T.page.fill('#cv-password', g1.password);
    await T.page.locator('.modal').getByRole('button', { name: '添加小组' }).click();
    await T.page.getByText('已添加小组“二班第1组”').waitFor();
    await T.page.getByTestId('class-list-file').setInputFiles({ name: 'class.csv', mimeType: 'text/csv', buffer: Buffer.from(`组名,加入码,密码\r\n二班第2组,${g2.code},${g2.password}\r\n`) });
    const cell = (group: string) => groupRow(T.page, group).locator('tr.group-row td[data-experiment="customers"]');
    await expect.poll(() => cell('二班第1组').innerText(), { timeout: 60_000 }).toBe('2/7');
    await expect.poll(() => cell('二班第2组').innerText(), { timeout: 60_000 }).toBe('0/7');

    // a cell opens the group's steps of that experiment
    await cell('二班第1组').getByRole('button').click();
    const steps = T.page.getByTestId('class-steps');
    await steps.waitFor();
    await expect(steps.locator('li[data-done="yes"]').allInnerTexts()).resolves.toEqual([expect.stringContaining('新增一个客户'), expect.stringContaining('竞争对手')]);
    await shot(T.page, 'lab-peers-teacher-steps-1280x800');
    await T.page.keyboard.press('Escape');

    // the CSV for grading: a row per member, the group's progress per experiment
    const [csv] = await Promise.all([T.page.waitForEvent('download'), T.page.getByRole('button', { name: '导出 CSV' }).click()]);
    const text = (await import('node:fs')).readFileSync((await csv.path())!, 'utf8');
    const [header, ...rows] = text.replace(/^\ufeff/, '').split(/\r?\n/).filter(Boolean).map((l) => l.split(','));
    const col = header.indexOf('客户管理');
    expect(col).toBeGreaterThan(0);
    expect(rows.filter((r) => r[0] === '二班第1组').map((r) => [r[1], r[col]])).toEqual(expect.arrayContaining([['安然', '2/7'], ['白露', '2/7']]));
    expect(rows.find((r) => r[0] === '二班第2组')?.[col]).toBe('0/7');
    for (const [w, h] of [[1280, 800], [768, 1024]] as const) {
      await T.page.setViewportSize({ width: w, height: h });
      await T.page.waitForTimeout(300);
      expect((await sidewaysOverflow(T.page)).offenders, `${w}`).toEqual([]);
      await shot(T.page, `lab-peers-teacher-${w}x${h}`);
    }
    for (const p of [A, B, C, T]) expect(p.errors).toEqual([]);

    // group 1's devices go offline: the teacher's view, opened again, shows what was last synced and when
    await T.page.setViewportSize({ width: 1280, height: 800 });
    const synced = await groupRow(T.page, '二班第1组').getByTestId('last-synced').innerText();
    for (const p of [A, B]) await p.browser.close();
    await T.page.reload();
    await expect.poll(() => cell('二班第1组').innerText(), { timeout: 30_000 }).toBe('2/7');
    expect(await groupRow(T.page, '二班第1组').getByTestId('last-synced').innerText()).toBe(synced);
    expect(T.errors).toEqual([]);
  }, 300_000);
});
