import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWorkspace, fill, goto, launch, newPage, shot, loadSampleCompany } from './lib';
import { sampleCompany } from '../src/domain/sample';

/**
 * The pipeline board, the funnel, the opportunity analysis and "my work" on the sample company,
 * in real Chromium. Expected figures are computed here from the generated sample data with plain
 * arithmetic (not with the app's analysis functions), then compared with what the page shows.
 */

type Rec = Record<string, unknown> & { id: string };
const pad2 = (n: number) => String(n).padStart(2, '0');
const now0 = new Date();
/** The page loads the sample with its dates counted from the device's day: so does this test. */
const TODAY = `${now0.getFullYear()}-${pad2(now0.getMonth() + 1)}-${pad2(now0.getDate())}`;
const data = sampleCompany({ history: true, today: TODAY });
const opps = data.opportunities as Rec[];
const stages = (data.salesStages as Rec[]).slice().sort((a, b) => Number(a.order) - Number(b.order));
const users = data.users as Rec[];
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
/** 机会金额 of one opportunity: expected × completion % (cents). */
const weightedOf = (o: Rec) => Math.round(num(o.expectedAmount) * num(o.rate)) / 100;
const sum = (list: Rec[], f: (o: Rec) => number) => list.reduce((s, o) => s + f(o), 0);
/** A number as the page prints it ("1,234.50", "42.5%", "—" → null). */
const parse = (s: string): number | null => (s.trim() === '—' ? null : Number(s.replace(/[,%\s]/g, '')));
const pct1 = (v: number) => Math.round(v * 10) / 10;

const MONTH = TODAY.slice(0, 7);
/** The 12 months the average deal size is taken from: (end − 365 days, end], end = the month's last day. */
const MONTH_END = new Date(Date.UTC(now0.getFullYear(), now0.getMonth() + 1, 0));
const YEAR_BEFORE = new Date(MONTH_END.getTime() - 365 * 86_400_000);
const TARGET = 4_000_000;

let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let errors: string[];
let ws: string;

beforeAll(async () => {
  browser = await launch();
  ({ ctx, page, errors } = await newPage(browser));
  ws = await createWorkspace(page, '漏斗实验组', '王老师');
  await loadSampleCompany(page);
});
afterAll(async () => { await ctx?.close(); await browser?.close(); });

const cellText = (row: ReturnType<Page['locator']>, i: number) => row.locator('td').nth(i).innerText();

describe('pipeline and analysis on the sample company', () => {
  it('the funnel shows count, amount, weighted amount, drop-off and quota colours computed independently', async () => {
    // a company plan for the month gives the stage quotas (U8 quota helper)
    await goto(page, ws, 'plans');
    await page.locator('.plans-list').getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'scope', '公司');
    await fill(page, 'period', MONTH);
    await fill(page, 'target', String(TARGET));
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });

    await goto(page, ws, `analysis/funnel?month=${MONTH}`);
    const table = page.getByTestId('funnel-table');
    await table.waitFor();

    // independent figures: active opportunities of the sample's mode, per stage
    const active = opps.filter((o) => o.status === 'active' && o.modeId === 'standard');
    // average deal size: won in the 12 months up to the end of the month
    const iso = (d: Date) => d.toISOString().slice(0, 10);
    const won = opps.filter((o) => o.status === 'won' && String(o.actualDate) > iso(YEAR_BEFORE) && String(o.actualDate) <= iso(MONTH_END));
    const deal = Math.round(sum(won, (o) => num(o.expectedAmount)) / won.length);
    const W = TARGET / deal;
    let prevCount: number | null = null;
    const seen = new Set<string>();
    for (let i = 0; i < stages.length; i++) {
      const st = stages[i];
      const list = active.filter((o) => o.stageId === st.id);
      const row = table.locator(`tbody tr[data-stage="${st.id}"]`);
      expect(await cellText(row, 0)).toContain(String(st.name));
      expect(parse(await cellText(row, 1))).toBe(list.length);
      expect(parse(await cellText(row, 2))).toBeCloseTo(sum(list, (o) => num(o.expectedAmount)), 2);
      expect(parse(await cellText(row, 3))).toBeCloseTo(sum(list, weightedOf), 2);
      // stage quota: opportunities entering per month × days in stage ÷ 30, rounded up
      let inflow = W;
      for (let j = stages.length - 1; j >= i; j--) inflow /= num(stages[j].conversion) / 100;
      const quota = Math.ceil(inflow * num(st.avgDays) / 30 - 1e-9) || 0;
      expect(parse(await cellText(row, 4))).toBe(quota);
      const attainment = quota === 0 ? null : (list.length / quota) * 100;
      expect(parse(await cellText(row, 5))).toBe(attainment === null ? null : pct1(attainment));
      const color = attainment === null ? 'none' : attainment >= 100 ? 'green' : attainment >= 70 ? 'yellow' : 'red';
      seen.add(color);
      if (color !== 'none') expect(await row.locator('td').nth(5).getAttribute('class')).toContain(`tone-${color}`);
      const drop = prevCount === null || prevCount === 0 ? null : pct1(((prevCount - list.length) / prevCount) * 100);
      // the end stage (成交, 100 %): won opportunities leave the funnel there, so no drop-off is shown
      if (i === stages.length - 1) expect(await cellText(row, 6)).toBe('终点');
      else expect(parse((await cellText(row, 6)).replace(/[↑↓]/g, ''))).toBe(drop === null ? null : Math.abs(drop));
      prevCount = list.length;
    }
    // the plan and the sample give every colour, and the empty last stage divides by zero: "—"
    expect([...seen].sort()).toEqual(['green', 'none', 'red', 'yellow']);
    const total = table.locator('tfoot tr');
    expect(parse(await cellText(total, 1))).toBe(active.length);
    expect(parse(await cellText(total, 3))).toBeCloseTo(sum(active, weightedOf), 2);
    // the SVG draws one layer per stage with the quota colour
    await expect(page.locator('.funnel-svg .funnel-stage').count()).resolves.toBe(stages.length);
    await expect(page.locator('.funnel-svg [data-stage="needs"] .funnel-count').textContent()).resolves.toBe(
      String(active.filter((o) => o.stageId === 'needs').length));

    // a filter by owner (张伟) narrows every figure
    const zw = users.find((u) => u.name === '张伟')!;
    await page.getByLabel('业务员', { exact: true }).selectOption({ label: '张伟' });
    const mine = active.filter((o) => o.ownerId === zw.id);
    await expect.poll(async () => parse(await cellText(page.getByTestId('funnel-table').locator('tfoot tr'), 1))).toBe(mine.length);
    expect(parse(await cellText(page.getByTestId('funnel-table').locator('tfoot tr'), 2))).toBeCloseTo(sum(mine, (o) => num(o.expectedAmount)), 2);
    await page.getByLabel('业务员', { exact: true }).selectOption({ label: '全部' });
    await shot(page, 'funnel-1280x800');

    // drill down: the weighted amount of 需求确认 lists exactly its opportunities, linked to their pages
    const needs = active.filter((o) => o.stageId === 'needs');
    await table.locator('tbody tr[data-stage="needs"] td').nth(3).getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('.modal-title').innerText()).resolves.toContain('需求确认');
    const rows = dialog.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(needs.length);
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).sort()).toEqual(needs.map((o) => o.id).sort());
    const first = needs.map((o) => o.id).sort()[0];
    await expect(dialog.locator(`tr[data-id="${first}"] a`).getAttribute('href')).resolves.toContain(`/opportunities/${first}`);
    const foot = await dialog.locator('tfoot td').allInnerTexts();
    expect(foot.map(parse).filter((x): x is number => x !== null && !Number.isNaN(x))).toContain(sum(needs, weightedOf));
    await shot(page, 'funnel-drill-1280x800');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 768, height: 1024 });
    await shot(page, 'funnel-768x1024');
    await page.setViewportSize({ width: 1280, height: 800 });

    // data scope: a sales manager (数据范围: 本部门) sees the funnel of their department only
    const east = new Set(users.filter((u) => u.departmentId === 'dp003').map((u) => u.id));
    const theirs = active.filter((o) => !o.ownerId || east.has(String(o.ownerId)));
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.length).toBeLessThan(active.length);
    await page.locator('.user-chip').click();
    await page.getByRole('button', { name: /王志强/ }).click();
    await page.locator('.user-chip', { hasText: '销售经理' }).waitFor();
    await goto(page, ws, `analysis/funnel?month=${MONTH}`);
    await expect.poll(async () => parse(await cellText(page.getByTestId('funnel-table').locator('tfoot tr'), 1))).toBe(theirs.length);
    await page.locator('.user-chip').click();
    await page.getByRole('button', { name: /王老师/ }).click();
    await page.locator('.user-chip', { hasText: '王老师' }).waitFor();
  });

  it('the opportunity analysis by employee shows the seven formulas for every row and the total', async () => {
    await goto(page, ws, 'analysis/opportunities');
    await page.getByRole('radio', { name: '按职员汇总' }).click();
    const table = page.getByTestId('opp-analysis');
    await table.locator('thead').getByText('职员').waitFor();
    const live = opps;
    const check = async (row: ReturnType<Page['locator']>, list: Rec[]) => {
      const cost = sum(list, (o) => num(o.cost));
      const expected = sum(list, (o) => num(o.expectedAmount));
      const amount = sum(list, weightedOf);
      const cells = (await row.locator('td').allInnerTexts()).slice(1).map(parse);
      expect(cells[0]).toBe(list.length);
      expect(cells[1]).toBeCloseTo(cost, 2);
      expect(cells[2]).toBeCloseTo(expected, 2);
      expect(cells[3]).toBeCloseTo(amount, 2);
      expect(cells[4]).toBeCloseTo(expected - cost, 2);
      expect(cells[5]).toBe(expected === 0 ? null : pct1(((expected - cost) / expected) * 100));
      expect(cells[6]).toBeCloseTo(amount - cost, 2);
      expect(cells[7]).toBe(amount === 0 ? null : pct1(((amount - cost) / amount) * 100));
    };
    const owners = [...new Set(live.map((o) => String(o.ownerId)))];
    await expect(table.locator('tbody tr').count()).resolves.toBe(owners.length);
    for (const id of owners) {
      const name = String(users.find((u) => u.id === id)!.name);
      await check(table.locator(`tbody tr[data-name="${name}"]`), live.filter((o) => o.ownerId === id));
    }
    await check(table.locator('tfoot tr'), live);
    await shot(page, 'opportunity-analysis-1280x800');

    // drill down on one employee's opportunity amount
    const lina = users.find((u) => u.name === '李娜')!;
    const hers = live.filter((o) => o.ownerId === lina.id);
    await table.locator('tbody tr[data-name="李娜"] td[data-col="amountTotal"] button').click();
    await expect(page.getByRole('dialog').locator('tbody tr').count()).resolves.toBe(hers.length);
    await page.keyboard.press('Escape');

    // a stage filter with no opportunity in it: zero totals and "—" for the rates (no division by zero)
    await page.getByLabel('状态', { exact: true }).selectOption({ label: '进行中' });
    await page.getByLabel('销售阶段', { exact: true }).selectOption({ label: '成交' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(0);
    const totals = await table.locator('tfoot td').allInnerTexts();
    expect(totals[1]).toBe('0');
    expect(totals[6]).toBe('—');
    expect(totals[8]).toBe('—');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByLabel('状态', { exact: true }).selectOption({ label: '全部' });
    await page.getByLabel('销售阶段', { exact: true }).selectOption({ label: '全部' });
    await shot(page, 'opportunity-analysis-768x1024');
    await page.setViewportSize({ width: 1280, height: 800 });

    // the other analysis pages render (the sample has projects and quotes)
    for (const [path, testid] of [['analysis/forecast', 'forecast-table'], ['analysis/projects', 'project-analysis'], ['analysis/quotes', 'quote-details']]) {
      await goto(page, ws, path);
      await page.getByTestId(testid).waitFor();
      await shot(page, `${path.replace('/', '-')}-1280x800`);
    }
  });

  it('moving kanban cards creates a completed contact record and back-fills the opportunity', async () => {
    await goto(page, ws, 'pipeline');
    const col = (id: string) => page.locator(`.kanban-col[data-stage="${id}"]`);
    await col('initial').locator('.kanban-card').first().waitFor();
    const countOf = async (id: string) => parse(await col(id).locator('.kanban-count').innerText());
    const initial0 = (await countOf('initial'))!;
    const needs0 = (await countOf('needs'))!;
    await shot(page, 'kanban-1280x800');

    // 1. drag and drop a card from 初步接洽 to 需求确认
    const card = col('initial').locator('.kanban-card').first();
    const oppId = (await card.getAttribute('data-id'))!;
    const opp = opps.find((o) => o.id === oppId)!;
    await card.dragTo(col('needs'));
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('#move-stage').inputValue()).resolves.toBe('needs');
    // pre-filled from the opportunity, with the new stage's default completion rate
    await expect(dialog.locator('#move-rate').inputValue()).resolves.toBe('30');
    await expect(dialog.locator('#move-expectedAmount').inputValue()).resolves.toBe(String(opp.expectedAmount));
    await expect(dialog.locator('#move-amount').innerText()).resolves.toBe((num(opp.expectedAmount) * 0.3).toLocaleString('zh-CN', { minimumFractionDigits: 2 }));
    await dialog.locator('#move-summary').fill('客户确认了需求清单');
    await shot(page, 'kanban-move-dialog-1280x800');
    await dialog.getByRole('button', { name: '确认推进' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => countOf('needs')).toBe(needs0 + 1);
    expect(await countOf('initial')).toBe(initial0 - 1);
    const moved = col('needs').locator(`.kanban-card[data-id="${oppId}"]`);
    await expect(moved.innerText()).resolves.toContain('30.0%');
    // the card's trail: the sample's contact records of the opportunity, and one completed record in the new stage
    const prior = (data.contactRecords as Rec[]).filter((r) => r.opportunityId === oppId).length;
    await moved.locator('.card-line').first().click();
    const peek = page.getByRole('dialog');
    await expect(peek.locator('[data-field="stageId"] dd').innerText()).resolves.toBe('需求确认');
    await expect(peek.locator('[data-field="rate"] dd').innerText()).resolves.toBe('30');
    const recs = peek.locator('.peek-records tbody tr');
    await expect(recs.count()).resolves.toBe(prior + 1);
    const rec = await recs.filter({ hasText: '客户确认了需求清单' }).first().locator('td').allInnerTexts();
    expect(rec[1]).toBe('需求确认');
    expect(rec[2]).toBe('30.0%');
    expect(rec[4]).toBe('是');
    expect(rec[5]).toBe('客户确认了需求清单');
    await page.keyboard.press('Escape');
    await peek.waitFor({ state: 'detached' });

    // 2. the keyboard: Shift+→ on the focused card asks to move it on to 方案报价
    await moved.focus();
    await page.keyboard.press('Shift+ArrowRight');
    const dlg2 = page.getByRole('dialog');
    await expect(dlg2.locator('#move-stage').inputValue()).resolves.toBe('proposal');
    await expect(dlg2.locator('#move-rate').inputValue()).resolves.toBe('50');
    await dlg2.locator('#move-expectedAmount').fill('200000');
    await dlg2.getByRole('button', { name: '确认推进' }).click();
    await dlg2.waitFor({ state: 'detached' });
    const again = col('proposal').locator(`.kanban-card[data-id="${oppId}"]`);
    await expect(again.innerText()).resolves.toContain('200,000');
    await expect(again.innerText()).resolves.toContain('100,000');
    await again.locator('.card-line').first().click();
    await expect(page.getByRole('dialog').locator('.peek-records tbody tr').count()).resolves.toBe(prior + 2);
    await expect(page.getByRole('dialog').locator('[data-field="amount"] dd').innerText()).resolves.toBe('100,000.00');
    await page.keyboard.press('Escape');

    // the opportunity's own page (sales module) shows the back-filled stage
    await goto(page, ws, `opportunities/${oppId}`);
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain('方案报价');

    // the funnel agrees with the board
    await goto(page, ws, `analysis/funnel?month=${MONTH}`);
    const proposalRow = page.getByTestId('funnel-table').locator('tbody tr[data-stage="proposal"]');
    await proposalRow.waitFor();
    expect(parse(await cellText(proposalRow, 1))).toBe(opps.filter((o) => o.status === 'active' && o.stageId === 'proposal').length + 1);

    await goto(page, ws, 'pipeline');
    await col('initial').locator('.kanban-card').first().waitFor();
    await page.setViewportSize({ width: 768, height: 1024 });
    await shot(page, 'kanban-768x1024');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('my work lists overdue tasks and marks one done', async () => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const d = new Date(Date.now() - 2 * 86_400_000);
    const twoDaysAgo = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    await goto(page, ws, '');
    const overdue = page.getByTestId('work-overdue');
    await overdue.waitFor();
    await expect(overdue.locator('.task').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '+ 新建任务' }).click();
    await fill(page, 'subject', '回访恒远机械');
    await fill(page, 'dueDate', twoDaysAgo);
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    const task = overdue.locator('.task', { hasText: '回访恒远机械' });
    await expect(task.innerText()).resolves.toContain('逾期 2 天');
    await expect(page.locator('.kpi.tone-red b').innerText()).resolves.toBe('1');
    await shot(page, 'my-work-1280x800');
    await task.getByRole('button', { name: /完成/ }).click();
    await expect.poll(() => overdue.locator('.task').count()).toBe(0);
    await expect(page.locator('.kpi.tone-red b').innerText()).resolves.toBe('0');
    // the activity is done today, and listed under 已完成
    await goto(page, ws, 'activities?alert=done');
    await page.locator('.grid-row', { hasText: '回访恒远机械' }).waitFor();
    await expect(page.locator('.grid-row', { hasText: '回访恒远机械' }).innerText()).resolves.toContain('已完成');

    // a sample rep sees their own overdue tasks, counted independently from the sample data
    const zw = users.find((u) => u.name === '张伟')!;
    const now = new Date();
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const theirs = (data.activities as Rec[]).filter((a) => a.ownerId === zw.id && a.status !== 'done' && String(a.dueDate) < today);
    await goto(page, ws, '');
    await page.locator('.user-chip').click();
    await page.getByRole('button', { name: /张伟/ }).click();
    await page.locator('.user-chip', { hasText: '张伟' }).waitFor();
    await expect.poll(() => page.locator('.kpi.tone-red b').innerText()).toBe(String(theirs.length));
    await expect(page.getByTestId('work-overdue').locator('.n-badge').innerText()).resolves.toBe(String(theirs.length));
    // the oldest first; a long list continues on the activities page
    const oldest = theirs.map((a) => String(a.dueDate)).sort()[0];
    await expect(page.getByTestId('work-overdue').locator('.task').first().innerText()).resolves.toContain(oldest);
    await expect(page.getByTestId('work-overdue').locator('.task').count()).resolves.toBe(Math.min(8, theirs.length));
    await shot(page, 'my-work-rep-1280x800');
    await page.setViewportSize({ width: 768, height: 1024 });
    await shot(page, 'my-work-768x1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(errors).toEqual([]);
  });
});
