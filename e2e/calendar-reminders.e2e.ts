import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWorkspace, goto, injectGroupUpdate, launch, newPage, shot, sidewaysOverflow, currentUserId } from './lib';
import { peer } from '../src/store/core/test-peers';
import { CORE_GROUP, GROUP_OF } from '../src/domain/registry';

/**
 * 提醒中心 in real Chromium: a contact's birthday in 3 days, an overdue and a due-soon activity of
 * the user (written by a peer) appear on the page and in the top bar's count; each opens its
 * record; snoozing one hides it (also after a reload: Dexie) and the count follows. 日历: the month
 * view shows the seeded activity and work plan, the keyboard moves the day, and dragging the
 * activity (pointer events) to another day changes its due date.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const day = (offset: number) => { const d = new Date(Date.now() + offset * 86_400_000); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };

let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let errors: string[];
let ws: string;

function seed(me: string): Map<string, Uint8Array> {
  const p = peer('seed-peer');
  p.collection('customers').create({ name: '甲公司', code: 'KH1', kind: 'customer', ownerId: me }, 'c1');
  // born 1985, birthday three days from now (never 29 February: the test would move with the calendar)
  const bday = day(3) === `${day(3).slice(0, 4)}-02-29` ? day(4) : day(3);
  p.collection('contacts').create({ name: '李娜', customerId: 'c1', birthday: `1985${bday.slice(4)}` }, 'k1');
  p.collection('activities').create({ subject: '逾期回访甲公司', dueDate: day(-2), status: 'planned', ownerId: me, customerId: 'c1' }, 'a1');
  p.collection('activities').create({ subject: '准备报价单', dueDate: day(1), status: 'planned', ownerId: me, customerId: 'c1' }, 'a2');
  p.collection('workPlans').create({ ownerId: me, mode: 'week', title: '本周计划', startDate: day(-1), endDate: day(1), content: '拜访' }, 'w1');
  p.collection('activities').create({ subject: '下月拜访', dueDate: day(20), status: 'planned', ownerId: me, customerId: 'c1' }, 'a3');
  // a department the user leads (负责人), with one rep whose activity is overdue: the 团队 tab's
  p.collection('departments').create({ name: '华东销售部', manager: me }, 'd-east');
  p.collection('users').create({ name: '赵强', departmentId: 'd-east', active: true }, 'u-zhao');
  p.collection('activities').create({ subject: '赵强的逾期拜访', dueDate: day(-1), status: 'planned', ownerId: 'u-zhao' }, 'a4');
  const groups = new Set([CORE_GROUP, GROUP_OF.customers, GROUP_OF.contacts, GROUP_OF.activities, GROUP_OF.workPlans]);
  return new Map([...groups].map((g) => [g, Y.encodeStateAsUpdate(p.docs.get(g)!)]));
}

beforeAll(async () => {
  browser = await launch();
  ({ ctx, page, errors } = await newPage(browser));
  ws = await createWorkspace(page, '提醒实验组', '王老师');
  await page.waitForFunction(async (name) => (await indexedDB.databases()).some((d) => d.name === name), `keyuan-ws-${ws}@${GROUP_OF.activities}`);
  const me = await currentUserId(page, ws);
  for (const [g, update] of seed(me)) await injectGroupUpdate(page, ws, g, update);
  await page.reload();
  await page.getByText('您好,王老师').waitFor();
}, 120_000);
afterAll(async () => { await ctx?.close(); await browser?.close(); });

const bell = () => page.getByTestId('bell-count');
const row = (text: string) => page.locator('.reminder', { hasText: text });

describe('reminder centre', () => {
  it('shows a birthday and an overdue activity with the count in the top bar; each opens its record', async () => {
    await expect.poll(() => bell().innerText()).toBe('3');
    await page.locator('header.topbar a.bell[data-path="office/reminders"]').click();
    await page.getByRole('heading', { name: '提醒中心' }).waitFor();
    await expect(row('李娜').getAttribute('data-kind')).resolves.toBe('birthday');
    expect(await row('李娜').innerText()).toContain('3 天后');
    expect(await row('逾期回访甲公司').innerText()).toContain('逾期 2 天');
    expect(await page.locator('.reminder').count()).toBe(3); // the one due in 20 days is not a reminder yet
    // overdue first
    expect(await page.locator('.reminder').first().innerText()).toContain('逾期回访甲公司');
    await shot(page, 'reminders-1280x800');

    await row('李娜').getByRole('link').click();
    await page.waitForURL(/\/customers\/c1$/);
    await page.getByRole('heading', { name: '甲公司' }).first().waitFor();

    await goto(page, ws, 'office/reminders');
    await row('逾期回访甲公司').getByRole('link').click();
    await page.waitForURL(/\/activities/);
    await expect.poll(() => page.locator('.modal #f-subject').inputValue()).toBe('逾期回访甲公司');
    expect(errors).toEqual([]);
  });

  it('snoozing hides a reminder for now, also after a reload, and the count follows', async () => {
    await goto(page, ws, 'office/reminders');
    await row('准备报价单').getByRole('button', { name: '明天再提醒' }).click();
    await row('准备报价单').waitFor({ state: 'detached' });
    await expect.poll(() => bell().innerText()).toBe('2');
    await page.reload();
    await row('逾期回访甲公司').waitFor();
    expect(await row('准备报价单').count()).toBe(0);
    await expect.poll(() => bell().innerText()).toBe('2');
    // the kind filter
    await page.getByRole('tab', { name: /生日/ }).click();
    expect(await page.locator('.reminder').count()).toBe(1);
    await page.getByRole('tab', { name: /全部/ }).click();
    for (const [w, h] of [[768, 1024], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      expect((await sidewaysOverflow(page)).doc, `${w}`).toBeLessThanOrEqual(0);
      await shot(page, `reminders-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Reminders' }).waitFor();
    expect(await row('逾期回访甲公司').innerText()).toContain('2 days overdue');
    await shot(page, 'reminders-en-1280x800');
    await page.getByRole('button', { name: '中文' }).click();
    expect(errors).toEqual([]);
  });
});

describe("a manager's team", () => {
  it("a department's manager sees the team's reminders on their own tab, each with whose it is", async () => {
    await goto(page, ws, 'office/reminders');
    await row('逾期回访甲公司').waitFor();
    expect(await row('赵强的逾期拜访').count()).toBe(0); // not among mine
    await page.getByRole('tab', { name: /我的团队/ }).click();
    await row('赵强的逾期拜访').waitFor();
    expect(await row('赵强的逾期拜访').locator('.reminder-owner').innerText()).toBe('赵强');
    expect(await row('逾期回访甲公司').count()).toBe(0);
    await shot(page, 'reminders-team-1280x800');
    await page.getByRole('tab', { name: '我的', exact: true }).click();
    await row('逾期回访甲公司').waitFor();
  });
});

describe('reminder notifications', () => {
  it('once the user allowed them, a due or overdue reminder raises one browser notification (a birthday in 3 days does not)', async () => {
    await ctx.grantPermissions(['notifications']);
    // record what the app notifies (the real one would pop up on the desktop)
    await page.addInitScript(() => {
      const w = window as unknown as { notes: string[]; Notification: unknown };
      w.notes = [];
      const Real = window.Notification;
      class Recorded { static get permission() { return Real.permission; } static requestPermission() { return Real.requestPermission(); }
        constructor(title: string, opts?: NotificationOptions) { w.notes.push(`${title}|${opts?.body ?? ''}`); } }
      w.Notification = Recorded;
    });
    await goto(page, ws, 'office/reminders');
    await page.reload(); // a fresh session: the recorder is in place, nothing notified yet
    await page.getByText('桌面通知已开启').waitFor();
    await expect.poll(() => page.evaluate(() => (window as unknown as { notes: string[] }).notes)).toEqual(['活动/任务|逾期回访甲公司']);
    expect(errors).toEqual([]);
  });
});

const cell = (d: string) => page.locator(`.cal-cell[data-day="${d}"]`);

describe('calendar', () => {
  it('the month shows the seeded items; arrows and T move the day; a drag reschedules an activity', async () => {
    const from = day(-2);
    // a day of the same week (so both are in the view whatever today is)
    const to = new Date(Date.now() - 2 * 86_400_000).getDay() === 0 ? day(-3) : day(-1);
    await goto(page, ws, `office/calendar?day=${from}`);
    await page.getByTestId('cal-grid').waitFor();
    await cell(from).locator('.cal-item', { hasText: '逾期回访甲公司' }).waitFor();
    for (const d of [day(-1), day(0), day(1)]) {
      if (d.slice(0, 7) === from.slice(0, 7)) await cell(d).locator('.cal-item', { hasText: '本周计划' }).waitFor();
    }
    await shot(page, 'calendar-1280x800');

    await page.getByTestId('cal-grid').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.cal-cell.selected').getAttribute('data-day')).toBe(day(-1));
    await page.keyboard.press('t');
    await expect.poll(() => page.locator('.cal-cell.selected').getAttribute('data-day')).toBe(day(0));

    const chip = cell(from).locator('.cal-item', { hasText: '逾期回访甲公司' });
    const a = (await chip.boundingBox())!;
    const b = (await cell(to).boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 5, { steps: 3 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height - 10, { steps: 8 });
    await page.mouse.up();
    await cell(to).locator('.cal-item', { hasText: '逾期回访甲公司' }).waitFor();
    expect(await cell(from).locator('.cal-item', { hasText: '逾期回访甲公司' }).count()).toBe(0);
    // the record itself changed: its form shows the new due date
    await goto(page, ws, 'activities?open=a1&mine=0');
    await expect.poll(() => page.locator('.modal #f-dueDate').inputValue()).toBe(to);
    await page.keyboard.press('Escape');

    await goto(page, ws, `office/calendar?day=${to}`);
    await page.getByTestId('cal-grid').waitFor();
    for (const [w, h] of [[768, 1024], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      expect((await sidewaysOverflow(page)).doc, `${w}`).toBeLessThanOrEqual(0);
      await shot(page, `calendar-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('tab', { name: '周' }).click();
    await shot(page, 'calendar-week-1280x800');
    expect(errors).toEqual([]);
  });
});
