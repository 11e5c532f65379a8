import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { createWorkspace, fill, goto, injectGroupUpdate, launch, newPage, shot, loadSampleCompany, sidewaysOverflow } from './lib';
import { peer } from '../src/store/core/test-peers';
import { GROUP_OF } from '../src/domain/registry';
import { sampleCompany } from '../src/domain/sample';
import { localToday } from '../src/store/sales/ops';

/*
 * 业务审批 on the engine (issue 13), with the sample company. The administrator adds an order rule in
 * 系统设置; a rep of 华东销售组 submits a draft order (over the rule's amount), an expense over the limit
 * and a contract made from one of her approved orders; her department manager (王志强) approves the
 * order and the contract and rejects the expense (a comment is required) from 审批箱; the contract is
 * in force and its page shows the step history. Market activity budgets: 何静 resubmits a rejected
 * budget, the general manager approves it and rejects another one, the badge and the top bar's count
 * follow, 何静 sees 已批准. Screens at three sizes and in English.
 */
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const data = sampleCompany({ history: true, today: localToday() });
const contracted = new Set((data.contracts ?? []).map((c) => c.orderId));
// a rep of 华东销售组 (manager 王志强) with a draft expense over the limit and an approved order without a contract
const draftExpense = (rep: string) => data.expenses.find((e) => e.ownerId === rep && e.status === 'draft' && Number(e.amount) > 2000);
const freeOrder = (rep: string) => data.orders.find((o) => o.ownerId === rep && o.status === 'approved' && !contracted.has(o.id));
const draftOrder = (rep: string) => data.orders.find((o) => o.ownerId === rep && o.status === 'draft' && Number(o.amount) > 50_000);
const repId = ['us004', 'us005', 'us006'].find((r) => draftExpense(r) && freeOrder(r) && draftOrder(r)) ?? 'us005';
const repName = String(data.users.find((u) => u.id === repId)?.name);
const expense = draftExpense(repId)!;
const order = freeOrder(repId)!;
const submitted = draftOrder(repId)!;

async function switchUser(page: Page, name: string) {
  await page.locator('.user-chip').click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.locator('.user-chip', { hasText: name }).waitFor();
}

async function sizes(page: Page, name: string, at: readonly (readonly [number, number])[] = [[1280, 800], [768, 1024], [390, 844]], show?: string) {
  for (const [w, h] of at) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    if (show) await page.locator(show).first().scrollIntoViewIfNeeded();
    expect((await sidewaysOverflow(page)).offenders, `${name} ${w}`).toEqual([]);
    await shot(page, `approvals-${name}-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe('approvals on the engine', () => {
  it('a rep submits an order, an expense and a contract; the manager approves the order and the contract and rejects the expense from 审批箱', { timeout: 240_000 }, async () => {
    expect(expense && order && submitted).toBeTruthy();
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '审批引擎', '王老师');
    await loadSampleCompany(page, 90_000);

    // the rules are data: the administrator adds one in 系统设置 · 审批规则 (orders over 50,000 → the department manager)
    await goto(page, ws, 'settings?tab=approvals');
    await page.locator('.approval-rules').getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '大额订单由部门负责人审批');
    await fill(page, 'docType', '订单');
    await fill(page, 'condition', '金额超过');
    await fill(page, 'threshold', '50000');
    await fill(page, 'approverKind', '提交人的部门负责人');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.locator('.approval-rules .grid-row', { hasText: '大额订单由部门负责人审批' }).waitFor();

    // the rep submits a draft order (over 50,000: it waits for her manager) and the expense from their pages
    await switchUser(page, repName);
    await goto(page, ws, `orders/${submitted.id}`);
    await page.locator('.action-bar [data-action=submit]').click();
    await page.locator('#prompt-text').fill('客户月底前需要');
    await page.locator('.modal').getByRole('button', { name: '提交', exact: true }).click();
    await page.locator('.page-head .badge', { hasText: '待审批' }).waitFor();
    // the order page says why, from the workspace's rules (not only the discount rule)
    await expect(page.locator('.approval-need').innerText()).resolves.toContain('超过 50,000');
    await goto(page, ws, `finance/expenses/${expense.id}`);
    await page.locator('[data-approval=submit]').click();
    await page.locator('#prompt-text').fill('招待客户');
    await page.locator('.modal').getByRole('button', { name: '提交审批' }).click();
    await page.locator('.approval-panel[data-phase=pending]').waitFor();

    // and makes a contract from her order, then submits it
    await goto(page, ws, `orders/${order.id}`);
    await page.locator('.contracts-section .make-contract').click();
    await page.locator('.modal').waitFor();
    await page.locator('.modal').getByRole('button', { name: '保存' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await goto(page, ws, `orders/${order.id}`);
    await page.locator('.contracts-section li a').first().click();
    await page.locator('.contract-page .approval-panel').waitFor();
    await page.locator('[data-approval=submit]').click();
    await page.locator('.modal').getByRole('button', { name: '提交审批' }).click();
    await page.locator('.approval-panel[data-phase=pending]').waitFor();
    const contractUrl = page.url();
    const contractId = contractUrl.split('/').pop()!;

    // the department manager decides from 审批箱
    await switchUser(page, '王志强');
    await goto(page, ws, 'approvals');
    const inbox = page.locator('.engine-inbox');
    await inbox.locator(`.inbox-row[data-id="${expense.id}"]`).waitFor();
    await inbox.locator(`.inbox-row[data-id="${contractId}"]`).waitFor();
    await inbox.scrollIntoViewIfNeeded();
    await sizes(page, 'inbox');
    // the order waits in its detailed card (lines, rate, why): approved
    const orderCard = page.locator(`.order-inbox .inbox-item[data-id="${submitted.id}"]`);
    await expect(orderCard.locator('.order-why').innerText()).resolves.toContain('超过 50,000');
    await orderCard.getByRole('button', { name: '批准' }).click();
    await page.locator('.modal').getByRole('button', { name: '批准', exact: true }).click();
    await orderCard.waitFor({ state: 'detached' });
    // reject without a comment: refused, nothing written
    await inbox.locator(`.inbox-row[data-id="${expense.id}"]`).getByRole('button', { name: '驳回' }).click();
    await page.locator('.modal').getByRole('button', { name: '驳回' }).click();
    await page.locator('.modal .field-error').waitFor();
    await page.locator('#prompt-text').fill('缺少发票');
    await page.locator('.modal').getByRole('button', { name: '驳回' }).click();
    await inbox.locator(`.inbox-row[data-id="${expense.id}"]`).waitFor({ state: 'detached' });
    await inbox.locator(`.inbox-row[data-id="${contractId}"]`).getByRole('button', { name: '批准' }).click();
    await page.locator('.modal').getByRole('button', { name: '批准' }).click();
    await inbox.locator(`.inbox-row[data-id="${contractId}"]`).waitFor({ state: 'detached' });
    await inbox.getByRole('button', { name: '我已审批' }).click();
    for (const id of [expense.id, contractId]) await inbox.locator(`.inbox-row[data-id="${id}"]`).waitFor();

    // over 500,000 the sample's second rule asks the general manager (陈建国, 系统管理员) as step 2
    if (Number(order.amount) > 500_000) {
      await switchUser(page, '陈建国');
      await goto(page, ws, 'approvals');
      await inbox.getByRole('button', { name: '待我审批' }).click();
      await inbox.locator(`.inbox-row[data-id="${contractId}"]`).getByRole('button', { name: '批准' }).click();
      await page.locator('.modal').getByRole('button', { name: '批准' }).click();
      await inbox.locator(`.inbox-row[data-id="${contractId}"]`).waitFor({ state: 'detached' });
    }

    // the contract is in force, with its history
    await page.goto(contractUrl);
    await page.locator('.contract-page .badge', { hasText: '生效中' }).waitFor();
    const history = await page.locator('table.approval-steps').innerText();
    expect(history).toContain(repName);
    expect(history).toContain('王志强');
    await sizes(page, 'contract');
    await goto(page, ws, `orders/${submitted.id}`);
    await page.locator('.page-head .badge', { hasText: '已审批' }).waitFor();
    await goto(page, ws, `finance/expenses/${expense.id}`);
    await page.locator('.approval-panel[data-phase=rejected]').waitFor();
    expect(await page.locator('table.approval-steps').innerText()).toContain('缺少发票');
    await sizes(page, 'expense-history');

    // a peer (陈建国, while apart) rejected the same step of the order: both decisions kept, the
    // conflict shown on the order's page, and the rejection stands (the order is back to draft)
    const g = GROUP_OF.approvalSteps;
    const p = peer('gm-peer');
    p.collection('approvalSteps').create({ docType: 'orders', docId: submitted.id, round: 1, step: 1, action: 'reject', by: 'us001', at: Date.now(), comment: '客户信用待核实' }, 'peer-reject');
    await injectGroupUpdate(page, ws, g, Y.encodeStateAsUpdate(p.docs.get(g)!));
    await page.reload();
    await goto(page, ws, `orders/${submitted.id}`);
    const conflict = page.locator('.approval-conflict');
    await conflict.waitFor();
    await expect(conflict.innerText()).resolves.toMatch(/陈建国 驳回[\s\S]*王志强 批准|王志强 批准[\s\S]*陈建国 驳回/);
    await page.locator('.page-head .badge', { hasText: '草稿' }).waitFor();
    await conflict.scrollIntoViewIfNeeded();
    await shot(page, 'approvals-order-conflict-1280x800');

    // the rules are data, in 系统设置 · 审批规则; the customer page lists its contracts
    await goto(page, ws, 'settings?tab=approvals');
    await page.getByText('大额合同再由总经理审批').waitFor();
    await shot(page, 'approvals-rules-1280x800');
    await goto(page, ws, `customers/${String(order.customerId)}`);
    await page.locator(`.contracts-section li[data-id="${contractId}"]`).waitFor();

    // English, on the expense's page
    await goto(page, ws, `finance/expenses/${expense.id}`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.approval-panel h2', { hasText: 'Approval' }).waitFor({ timeout: 10_000 });
    await shot(page, 'approvals-expense-en-1280x800');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('market activity budgets: 何静 resubmits a rejected budget, the general manager approves it and rejects another from 审批箱 (badge counts them)', { timeout: 240_000 }, async () => {
    const acts = data.marketActivities;
    const refused = acts.find((a) => a.approvalStatus === 'rejected')!;
    const waiting = acts.find((a) => a.approvalStatus === 'pending')!;
    expect(refused.ownerId).toBe('us012');
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '市场审批', '王老师');
    await loadSampleCompany(page, 90_000);
    const panel = page.locator('.mkt-approval .approval-panel');
    const modal = page.locator('.modal');

    // 何静 (市场专员) opens her rejected exhibition: the rejection and its comment are in the history
    await switchUser(page, '何静');
    await goto(page, ws, `marketing/activities/${refused.id}`);
    await page.locator('.mkt-approval .approval-panel[data-phase=rejected]').waitFor();
    const rejectedWhy = await page.locator('table.approval-steps tr[data-action=reject]').innerText();
    // she lowers the budget (an edit after the decision is a new draft), then submits it
    await page.locator('.head-actions').getByRole('button', { name: '编辑', exact: true }).click();
    await page.locator('.modal #f-budget').fill('98000');
    await modal.getByRole('button', { name: '保存', exact: true }).click();
    await modal.waitFor({ state: 'detached' });
    await page.locator('.mkt-approval .approval-panel[data-phase=draft]').waitFor();
    await panel.locator('[data-approval=submit]').click();
    await page.locator('#prompt-text').fill('已压缩展位费');
    await modal.getByRole('button', { name: '提交审批' }).click();
    await page.locator('.mkt-approval .approval-panel[data-phase=pending]').waitFor();
    // pending: the budget is locked in the form, the rest of the activity is not
    await page.locator('.head-actions').getByRole('button', { name: '编辑', exact: true }).click();
    await expect(page.locator('.modal #f-budget').isDisabled()).resolves.toBe(true);
    await expect(page.locator('.modal #f-place').isDisabled()).resolves.toBe(false);
    await modal.getByRole('button', { name: '取消' }).click();
    await modal.waitFor({ state: 'detached' });
    await shot(page, 'approvals-activity-pending-1280x800');

    // the general manager: both budgets are in the one 审批箱, and in its badge
    await switchUser(page, '陈建国');
    await goto(page, ws, 'approvals');
    const inbox = page.locator('.engine-inbox');
    const badge = page.locator('.nav-item[href$="/approvals"] .nav-badge');
    for (const a of [refused, waiting]) await inbox.locator(`.inbox-row[data-type=marketActivities][data-id="${a.id}"]`).waitFor();
    await expect(inbox.locator(`.inbox-row[data-id="${refused.id}"]`).innerText()).resolves.toContain('98,000');
    const before = Number(await badge.innerText());
    // the same count in the top bar (on a phone the side navigation is behind ☰)
    const topCount = page.getByTestId('count-approvals');
    await expect(topCount.innerText()).resolves.toBe(String(before));
    await sizes(page, 'inbox-budgets', [[1280, 800], [390, 844]], `.inbox-row[data-id="${waiting.id}"]`);
    await inbox.locator(`.inbox-row[data-id="${refused.id}"]`).getByRole('button', { name: '批准' }).click();
    await modal.getByRole('button', { name: '批准' }).click();
    await inbox.locator(`.inbox-row[data-id="${refused.id}"]`).waitFor({ state: 'detached' });
    await expect.poll(async () => Number(await badge.innerText())).toBe(before - 1);
    // a rejection needs a comment
    await inbox.locator(`.inbox-row[data-id="${waiting.id}"]`).getByRole('button', { name: '驳回' }).click();
    await modal.getByRole('button', { name: '驳回' }).click();
    await page.locator('.modal .field-error').waitFor();
    await page.locator('#prompt-text').fill('推广渠道需重新评估,请补充投放计划');
    await modal.getByRole('button', { name: '驳回' }).click();
    await inbox.locator(`.inbox-row[data-id="${waiting.id}"]`).waitFor({ state: 'detached' });
    await expect.poll(async () => (await badge.count()) ? Number(await badge.innerText()) : 0).toBe(before - 2);
    await expect.poll(async () => (await topCount.count()) ? Number(await topCount.innerText()) : 0).toBe(before - 2);

    // 何静 sees her budget approved; the other activity rejected with the manager's comment
    await switchUser(page, '何静');
    await goto(page, ws, `marketing/activities/${refused.id}`);
    await page.locator('.mkt-approval .approval-panel[data-phase=approved]').waitFor();
    await expect(panel.locator('.approval-head .badge').innerText()).resolves.toBe('已批准');
    await expect(page.getByTestId('budget-approval').innerText()).resolves.toBe('预算审批 · 已批准');
    const history = await page.locator('table.approval-steps').innerText();
    expect(history).toContain('陈建国');
    expect(history).toContain('已压缩展位费');
    expect(history).toContain(rejectedWhy.split('\t').at(-1)!.trim());
    await sizes(page, 'activity-approved', undefined, '.mkt-approval');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('.page-head').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500); // the side navigation slides away
    await shot(page, 'approvals-activity-head-390x844');
    await page.setViewportSize({ width: 1280, height: 800 });
    await goto(page, ws, `marketing/activities/${waiting.id}`);
    await page.locator('.mkt-approval .approval-panel[data-phase=rejected]').waitFor();
    await expect(page.locator('table.approval-steps').innerText()).resolves.toContain('推广渠道需重新评估');
    // the list shows each activity's budget approval
    await goto(page, ws, 'marketing/activities');
    await page.locator('.grid-row', { hasText: '已驳回' }).first().waitFor();
    await shot(page, 'approvals-activity-list-1280x800');

    // English, on the approved activity
    await goto(page, ws, `marketing/activities/${refused.id}`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.mkt-approval .approval-panel h2', { hasText: 'Budget approval' }).waitFor({ timeout: 10_000 });
    await panel.scrollIntoViewIfNeeded();
    await shot(page, 'approvals-activity-en-1280x800');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
