import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { createWorkspace, goto, injectUpdate, launch, newPage, shot } from './lib';
import { expectChip, setSync } from './sync-helpers';
import { peer } from '../src/store/core/test-peers';
import { sampleCompany } from '../src/domain/sample';
import { currentStatus } from '../src/domain/service';

/*
 * Issue 16, items 3, 8 and 6 in real Chromium: a home for each role on the sample company (an
 * administrator's empty workspace first: the first steps, the sample card gone once data exists;
 * then the manager's and the rep's homes, each card clicking through to its filtered page), the
 * funnel on empty data with no drop into the end stage, and the sync status offline.
 */

type Rec = Record<string, unknown> & { id: string };
const pad = (n: number) => String(n).padStart(2, '0');
const now0 = new Date();
/** The page loads the sample with its dates counted from the device's day: so does this test. */
const TODAY = `${now0.getFullYear()}-${pad(now0.getMonth() + 1)}-${pad(now0.getDate())}`;
const data = sampleCompany({ history: true, today: TODAY });
const opps = data.opportunities as Rec[];
const users = data.users as Rec[];
const active = opps.filter((o) => o.status === 'active' && o.modeId === 'standard');
const userId = (name: string) => users.find((u) => u.name === name)!.id;

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function switchUser(page: Page, name: string, role: string) {
  await page.locator('.user-chip').click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.locator('.user-chip', { hasText: role }).waitFor();
}

/** Toasts closed, the page at its top: screenshots show the page itself. */
async function snap(page: Page, name: string) {
  for (const b of await page.locator('.toast .icon-btn, .pwa-toast .btn').all()) await b.click({ timeout: 1000 }).catch(() => undefined);
  await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
  await page.locator('.content').evaluate((e) => { e.scrollTop = 0; });
  await page.waitForTimeout(400); // after a resize the narrow layout's drawer slides away
  await shot(page, name);
}

/** The figure a stage's row of a home chart shows. */
const stageCount = (page: Page, card: string, stageId: string) =>
  page.getByTestId(card).locator(`.mini-table tr[data-key="${stageId}"] td.num`).innerText().then(Number);

describe('a home for each role (sample company)', () => {
  let ctx: BrowserContext;
  let page: Page;
  let errors: string[];
  let ws: string;
  beforeAll(async () => {
    ({ ctx, page, errors } = await newPage(browser));
    ws = await createWorkspace(page, '首页实验组', '王老师');
  });
  afterAll(async () => { await ctx?.close(); });

  it('an administrator of an empty workspace sees the first steps; the sample step goes once data exists', async () => {
    const steps = page.getByTestId('first-steps');
    await steps.waitFor();
    const links = await steps.locator('.steps a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links).toEqual([
      ['设置部门与用户', `#/w/${ws}/org`], ['导入客户', `#/w/${ws}/customers`], ['邀请组员', `#/w/${ws}/settings?tab=sync`],
    ]);
    await expect(steps.getByRole('button', { name: '载入示例公司' }).count()).resolves.toBe(1);
    // the team's cards would all be empty: not shown yet
    await expect(page.getByTestId('home-team-pipeline').count()).resolves.toBe(0);
    await snap(page, 'home-empty-admin-1280x800');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'home-empty-admin-390x844');
    await page.setViewportSize({ width: 1280, height: 800 });
    // a step opens its page
    await steps.getByRole('link', { name: '设置部门与用户' }).click();
    await page.waitForURL(/\/org$/);
    await goto(page, ws, '');

    await steps.getByRole('button', { name: '载入示例公司' }).click();
    await page.getByText('示例公司已载入').waitFor({ timeout: 60_000 });
    await steps.waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: '载入示例公司' }).count()).resolves.toBe(0);
    // data exists: the sample step stays away after a reload too
    await page.reload();
    await page.getByTestId('home-team-pipeline').waitFor();
    await expect(page.getByTestId('first-steps').count()).resolves.toBe(0);
  });

  it('a manager sees the team pipeline, targets, approvals and complaints, each opening its page', async () => {
    await goto(page, ws, '');
    await expect(page.locator('.home-page').getAttribute('data-home')).resolves.toBe('manager');
    const pipeline = page.getByTestId('home-team-pipeline');
    await pipeline.locator('.mini-chart canvas').waitFor(); // the small chart is drawn (uPlot loaded on first use)
    // the administrator's team is everyone: per stage, the active opportunities of the sample's mode
    for (const st of ['initial', 'needs', 'proposal', 'negotiation']) {
      await expect.poll(() => stageCount(page, 'home-team-pipeline', st)).toBe(active.filter((o) => o.stageId === st).length);
    }
    await expect(pipeline.locator('h2 .n-badge').innerText()).resolves.toBe(String(active.length));
    // a stage opens the opportunities list filtered to it
    const needs = active.filter((o) => o.stageId === 'needs').length;
    await pipeline.locator('.mini-table tr[data-key="needs"] td.num a').click();
    await page.waitForURL(/\/opportunities\?stage=needs$/);
    await page.getByTestId('stage-filter').waitFor();
    await expect.poll(() => page.locator('.statusbar').first().innerText()).toContain(`共 ${needs} 条`);
    await goto(page, ws, '');

    // open complaints by where they stand, counted from the sample independently
    const steps = new Map<string, Rec[]>();
    for (const s of data.complaintSteps as Rec[]) steps.set(String(s.complaintId), [...(steps.get(String(s.complaintId)) ?? []), s]);
    const open = (data.complaints as Rec[]).filter((c) => currentStatus(c, steps.get(c.id) ?? []) !== 'closed');
    expect(open.length).toBeGreaterThan(0);
    const complaints = page.getByTestId('home-complaints');
    await expect.poll(() => complaints.locator('h2 .n-badge').innerText()).toBe(String(open.length));
    await expect(stageCount(page, 'home-complaints', 'recorded')).resolves.toBe(open.filter((c) => currentStatus(c, steps.get(c.id) ?? []) === 'recorded').length);
    await complaints.getByRole('link', { name: '查看未结案投诉' }).click();
    await page.waitForURL(/service\/complaints\?view=open$/);
    await expect(page.getByRole('button', { name: /未结案/ }).getAttribute('aria-pressed')).resolves.toBe('true');
    await goto(page, ws, '');

    // targets per rep of this month, with the reached / behind notices of 销售计划
    const targets = page.getByTestId('home-team-targets');
    await targets.locator('.target-list li').first().waitFor();
    const reps = await targets.locator('.target-list li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-user'), li.getAttribute('data-alert')]));
    expect(reps.length).toBeGreaterThan(0);
    for (const [id, alert] of reps) {
      expect(users.some((u) => u.id === id)).toBe(true);
      const notice = targets.locator(`li[data-user="${id}"]`);
      if (alert === 'reached') await expect(notice.innerText()).resolves.toContain('已达成目标');
      if (alert === 'behind') await expect(notice.innerText()).resolves.toMatch(/完成率低于/);
    }
    // a rep's name opens their pipeline board
    const [firstRep] = reps[0];
    await targets.locator(`li[data-user="${firstRep}"] a.target-name`).click();
    await page.waitForURL(new RegExp(`/pipeline\\?owner=${firstRep}$`));
    await goto(page, ws, '');
    await targets.getByRole('link', { name: '查看销售计划' }).click();
    await page.waitForURL(/\/plans$/);
    await page.getByTestId('plan-progress').waitFor();
    await goto(page, ws, '');

    // approvals: the inbox count, opening 审批箱
    const approvals = page.getByTestId('home-approvals');
    await approvals.waitFor();
    await approvals.getByRole('link', { name: '打开审批箱' }).click();
    await page.waitForURL(/\/approvals$/);
    await goto(page, ws, '');
    await page.getByTestId('home-order-approvals').waitFor();
    await page.getByTestId('home-complaints').locator('.mini-chart canvas').waitFor();
    await snap(page, 'home-manager-1280x800');
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'home-manager-768x1024');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'home-manager-390x844');
    // nothing reaches past the right edge on a phone
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(wide).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(errors).toEqual([]);
  });

  it('a manager\'s home lists the contracts and expenses waiting for them, as many as 审批箱 shows, each opening its page', async () => {
    await goto(page, ws, 'approvals');
    const pill = page.locator('.engine-inbox .count-pill');
    await pill.waitFor();
    const waiting = Number(await pill.innerText());
    expect(waiting).toBeGreaterThan(0);
    await goto(page, ws, '');
    const card = page.getByTestId('home-doc-approvals');
    await expect.poll(() => card.locator('h2 .n-badge').innerText()).toBe(String(waiting));
    await expect(card.locator('li').count()).resolves.toBe(Math.min(5, waiting));
    await card.scrollIntoViewIfNeeded();
    await shot(page, 'home-doc-approvals-1280x800');
    await card.locator('li a').first().click();
    await page.waitForURL(/\/(contracts|finance\/expenses)\/[^/]+$/);
    await goto(page, ws, '');
    await card.getByRole('link', { name: '打开审批箱' }).click();
    await page.waitForURL(/\/approvals$/);
    expect(errors).toEqual([]);
  });

  it('a sales manager sees the department; a rep their reminders, pipeline and target — not the team cards', async () => {
    await goto(page, ws, '');
    await switchUser(page, '王志强', '销售经理');
    await expect.poll(() => page.locator('.home-page').getAttribute('data-home')).toBe('manager');
    const east = new Set(users.filter((u) => u.departmentId === 'dp003').map((u) => u.id));
    const theirs = active.filter((o) => !o.ownerId || east.has(String(o.ownerId)));
    expect(theirs.length).toBeLessThan(active.length);
    await expect.poll(() => page.getByTestId('home-team-pipeline').locator('h2 .n-badge').innerText()).toBe(String(theirs.length));
    // the team's targets: only the reps of the department
    const targetUsers = await page.getByTestId('home-team-targets').locator('.target-list li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-user')));
    expect(targetUsers.length).toBeGreaterThan(0);
    expect(targetUsers.filter((id) => !east.has(String(id)))).toEqual([]);
    // no service rights in the sample's 销售经理 role: no complaints card
    await page.getByTestId('home-approvals').waitFor();
    await expect(page.getByTestId('home-complaints').count()).resolves.toBe(0);

    await switchUser(page, '张伟', '业务员');
    await expect.poll(() => page.locator('.home-page').getAttribute('data-home')).toBe('rep');
    const me = userId('张伟');
    const mine = opps.filter((o) => o.status === 'active' && (o.ownerId === me || (Array.isArray(o.teamIds) && o.teamIds.includes(me))));
    await page.getByTestId('work-overdue').waitFor();
    await expect.poll(() => page.getByTestId('work-opps').locator('h2 .n-badge').innerText()).toBe(String(mine.length));
    await page.getByTestId('work-target').waitFor();
    for (const card of ['home-team-pipeline', 'home-team-targets', 'home-approvals', 'home-complaints']) {
      await expect(page.getByTestId(card).count(), card).resolves.toBe(0);
    }
    await snap(page, 'home-rep-1280x800');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'home-rep-390x844');
    await page.setViewportSize({ width: 1280, height: 800 });
    // my opportunities open the board filtered to me
    await page.locator('.kpi', { hasText: '我的进行中商机' }).click();
    await page.waitForURL(new RegExp(`/pipeline\\?owner=${me}$`));

    // the manager's home in English
    await goto(page, ws, '');
    await switchUser(page, '王志强', '销售经理');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('home-team-pipeline').getByText('Team pipeline by stage').waitFor();
    await page.getByTestId('home-team-targets').getByText(/Team targets this month/).waitFor();
    await page.getByTestId('home-approvals').getByText('Quotes waiting for my approval').waitFor();
    await page.getByTestId('home-team-pipeline').locator('.mini-chart canvas').waitFor();
    await snap(page, 'home-manager-en-1280x800');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByTestId('home-team-pipeline').getByText('团队商机(按阶段)').waitFor();
    expect(errors).toEqual([]);
  });
});

/** Records as another device would send them: written through the store in Node, appended to the browser's core document. */
function pipelineUpdate(): Uint8Array {
  const ws = peer('seed-device');
  const S = (n: number) => `stage-standard-${n}`;
  ws.transact(() => {
    ws.collection('customers').create({ code: 'KH801', name: '漏斗测试客户', kind: 'customer' }, 'fc1');
    const opp = (id: string, modeId: string, stageId: string, amount: number, rate: number, planned: string) =>
      ws.collection('opportunities').create({ subject: `商机 ${id}`, customerId: 'fc1', modeId, stageId, expectedAmount: amount, rate, status: 'active', plannedDate: planned }, id);
    // 常规销售: 1 → 3 (a rise) → 0 (a drop) → 2 → 签约成交 empty: the end stage, where won opportunities leave
    opp('f1', 'mode-standard', S(1), 10_000, 10, MONTH_AHEAD[0]);
    for (const id of ['f2', 'f3', 'f4']) opp(id, 'mode-standard', S(2), 20_000, 30, MONTH_AHEAD[1]);
    for (const id of ['f5', 'f6']) opp(id, 'mode-standard', S(4), 50_000, 70, MONTH_AHEAD[1]);
    // a mode of one stage
    ws.collection('salesModes').create({ name: '单阶段模式', nameEn: 'One stage', order: 9 }, 'solo');
    ws.collection('salesStages').create({ modeId: 'solo', name: '唯一阶段', nameEn: 'Only stage', order: 1, rate: 50 }, 'solo-1');
    opp('s1', 'solo', 'solo-1', 8_000, 50, MONTH_AHEAD[0]);
    opp('s2', 'solo', 'solo-1', 4_000, 50, MONTH_AHEAD[0]);
  });
  return Y.encodeStateAsUpdate(ws.doc);
}

const dayAhead = (days: number) => { const d = new Date(Date.now() + days * 86_400_000); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };
const MONTH_AHEAD = [dayAhead(20), dayAhead(50)];

describe('charts that do not mislead', () => {
  it('the funnel draws for empty data, a single stage, a rise — and never a drop into the end stage', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '漏斗空数据组', '王老师');
    await goto(page, ws, 'analysis/funnel?mode=mode-standard');
    // nothing active: an outline funnel of the five stages and the empty note, the table in zeros
    await page.getByTestId('funnel-empty').waitFor();
    await expect(page.locator('.funnel-svg .funnel-stage polygon.ghost').count()).resolves.toBe(5);
    const drops = () => page.getByTestId('funnel-table').locator('tbody tr td:nth-child(7)').allInnerTexts();
    expect(await drops()).toEqual(['—', '—', '—', '—', '终点']);
    await snap(page, 'funnel-empty-1280x800');

    await injectUpdate(page, ws, pipelineUpdate());
    await page.reload();
    await page.getByTestId('funnel-table').waitFor();
    await expect.poll(() => page.getByTestId('funnel-table').locator('tfoot td').nth(1).innerText()).toBe('6');
    await expect(page.getByTestId('funnel-empty').count()).resolves.toBe(0);
    // 1 → 3 is a rise, in green; 3 → 0 a drop; after an empty stage "—"; the end stage no drop at all
    expect(await drops()).toEqual(['—', '↑ 200.0%', '↓ 100.0%', '—', '终点']);
    const rise = page.getByTestId('funnel-table').locator('tr[data-stage="stage-standard-2"] td').nth(6);
    await expect(rise.getAttribute('class')).resolves.toContain('tone-green');
    await expect(page.locator('.funnel-svg [data-stage="stage-standard-2"] .funnel-drop').getAttribute('class')).resolves.toContain('gain');
    await expect(page.locator('.funnel-svg [data-stage="stage-standard-5"] .funnel-drop').textContent()).resolves.toBe('终点');
    await expect(page.locator('.funnel-svg [data-stage="stage-standard-5"]').innerHTML()).resolves.not.toContain('100.0%');
    await snap(page, 'funnel-rise-end-1280x800');
    await page.setViewportSize({ width: 390, height: 844 });
    await snap(page, 'funnel-rise-end-390x844');
    await page.setViewportSize({ width: 1280, height: 800 });

    // a mode of one stage: one layer, its figures, no drop
    await goto(page, ws, 'analysis/funnel?mode=solo');
    await expect.poll(() => page.locator('.funnel-svg .funnel-stage').count()).toBe(1);
    await expect(page.locator('.funnel-svg [data-stage="solo-1"] .funnel-count').textContent()).resolves.toBe('2');
    expect(await drops()).toEqual(['终点']);
    await snap(page, 'funnel-single-1280x800');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('forecast bars start at zero and a tap shows the month in the legend', async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const ws = await createWorkspace(page, '预测触屏组', '王老师');
    await goto(page, ws, 'analysis/forecast');
    await page.getByTestId('forecast-table').locator('tr.empty-row').waitFor(); // no data: the table says so
    await injectUpdate(page, ws, pipelineUpdate());
    await page.reload();
    const over = page.getByTestId('forecast-chart').locator('.u-over');
    await over.waitFor();
    const first = MONTH_AHEAD[0].slice(0, 7);
    const weighted = await page.getByTestId('forecast-table').locator(`tr[data-month="${first}"] td`).nth(3).innerText();
    const box = (await over.boundingBox())!;
    // the first month's bar sits in the first half of the two months
    await page.touchscreen.tap(box.x + box.width * 0.25, box.y + box.height * 0.8);
    const legend = page.getByTestId('forecast-chart').locator('.u-legend .u-series').nth(1).locator('.u-value');
    await expect.poll(() => legend.innerText()).toBe(weighted.replace(/\.\d\d$/, ''));
    await snap(page, 'forecast-tap-390x844');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe('honest offline status', () => {
  it('offline says 离线 — 修改已保存在本设备 and nothing about servers; a static site without a signaling server says 同步未开启', async () => {
    // an installed app (service worker): offline, its pages still load
    const { ctx, page, errors } = await newPage(browser, undefined, { serviceWorker: true });
    const ws = await createWorkspace(page, '离线实验组', '王老师');
    // a device on a network (scripts/e2e.mjs gives the test namespace one that leads nowhere)
    expect(await page.evaluate(() => navigator.onLine), 'Chromium sees a network').toBe(true);
    // only the page host's default signaling address, and nothing answers there: sync is off, not an error
    await expectChip(page, /^同步未开启$/);
    await page.locator('.sync-chip').click();
    const modal = page.locator('.modal');
    await expect(modal.innerText()).resolves.toContain('本设备没有连接任何同步服务器');
    await expect(modal.locator('details.sync-tech').first().getAttribute('open')).resolves.toBeNull();
    await page.keyboard.press('Escape');

    await ctx.setOffline(true);
    await expectChip(page, /^离线 — 修改已保存在本设备$/);
    await page.locator('.sync-chip').click();
    const text = await modal.innerText();
    expect(text).toContain('本设备现在没有网络');
    expect(text).not.toMatch(/服务器|npm|信令/);
    await snap(page, 'sync-offline-1280x800');
    await page.keyboard.press('Escape');
    // work goes on, and the status comes back with the network
    await goto(page, ws, 'customers');
    await page.locator('.record-list').waitFor();
    await ctx.setOffline(false);
    await expectChip(page, /^同步未开启$/);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('online with the configured server unreachable: advice in a user\'s words, the technical detail folded away', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '服务器不通组', '王老师');
    await setSync(page, ws, { signaling: ['ws://127.0.0.1:9'] });
    await expectChip(page, /^暂时连不上同步服务器$/);
    await page.locator('.sync-chip').click();
    const modal = page.locator('.modal');
    const advice = modal.locator('[data-advice=unreachable]');
    await expect(advice.innerText()).resolves.toContain('您的修改已保存在本设备');
    await expect(advice.innerText()).resolves.not.toContain('npm');
    const tech = modal.locator('details.sync-tech').first();
    await expect(tech.getAttribute('open')).resolves.toBeNull();
    await tech.locator('summary').click();
    await expect(tech.innerText()).resolves.toContain('npm start');
    await snap(page, 'sync-unreachable-1280x800');
    await page.keyboard.press('Escape');
    // the same device without a network: offline, the server advice gone
    await ctx.setOffline(true);
    await expectChip(page, /^离线 — 修改已保存在本设备$/);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
