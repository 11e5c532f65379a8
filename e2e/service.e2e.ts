import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, fill, goto, launch, newPage, pickRef, rowTexts, shot } from './lib';
import { sampleCompany } from '../src/domain/sample';
import { analyzeService } from '../src/domain/service';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const TODAY = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

const save = (page: Page) => page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
const closed = (page: Page) => page.locator('.modal').waitFor({ state: 'detached' });

async function addUser(page: Page, name: string, role: string) {
  await page.locator('.tab-panel').getByRole('button', { name: '+ 新增' }).click();
  await fill(page, 'name', name);
  await pickRef(page, 'roleId', role);
  await save(page);
  await closed(page);
}

/** 更改用户: act as another user of the workspace. */
async function actAs(page: Page, name: string, role: string) {
  await page.locator('.user-chip').click();
  await page.locator('.modal').getByRole('button', { name: new RegExp(name) }).click();
  await page.locator('.user-chip', { hasText: name }).waitFor();
  await page.locator('.user-chip', { hasText: role }).waitFor();
}

/** The cells of one row of the analysis table, by its group name. */
async function analysisRow(page: Page, group: string): Promise<string[]> {
  const row = page.locator(`table.service-analysis tr[data-group="${group}"]`);
  await row.waitFor();
  return (await row.locator('th, td').allInnerTexts()).map((s) => s.trim());
}

async function logService(page: Page, v: {
  handler?: string; serviceType: string; contactType: string; importance: string; start: string; end: string;
  content: string; progressed: boolean; completed: boolean;
}) {
  await page.getByRole('button', { name: '+ 新增' }).click();
  await pickRef(page, 'customerId', '杭州恒远机械');
  await fill(page, 'serviceType', v.serviceType);
  await fill(page, 'contactType', v.contactType);
  await fill(page, 'importance', v.importance);
  await fill(page, 'satisfaction', '满意');
  await fill(page, 'start', v.start);
  await fill(page, 'end', v.end);
  await fill(page, 'content', v.content);
  if (v.handler) await pickRef(page, 'handlerId', v.handler);
  if (v.progressed) await page.locator('.modal #f-progressed').check();
  if (v.completed) await page.locator('.modal #f-completed').check();
  await save(page);
  await closed(page);
}

describe('customer service in real Chromium', () => {
  it('logs service records, runs a complaint through every step as two users, makes an article and checks the analysis', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '客服实训组', '王老师');

    // people: a service agent (售后服务员) and a sales rep who must not handle complaints about others' customers
    await goto(page, ws, 'org');
    await page.getByRole('tab', { name: '用户' }).click();
    await addUser(page, '郑浩', '售后服务员');
    await addUser(page, '李业务', '业务员');

    await goto(page, ws, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'code', 'KH001');
    await fill(page, 'name', '杭州恒远机械有限公司');
    await save(page);
    await closed(page);

    // ---- service records ----
    await goto(page, ws, 'service/records');
    await page.getByRole('heading', { name: '服务记录' }).waitFor();
    // time spent follows from start and end while typing; an end before the start is refused
    await page.getByRole('button', { name: '+ 新增' }).click();
    await pickRef(page, 'customerId', '杭州恒远机械');
    await fill(page, 'start', `${TODAY}T09:00`);
    await fill(page, 'end', `${TODAY}T10:30`);
    // derived: shown as text, not an input
    await expect(page.locator('.modal #f-minutesSpent').innerText()).resolves.toBe('90');
    expect(await page.locator('.modal #f-minutesSpent').evaluate((e) => e.tagName)).toBe('OUTPUT');
    await fill(page, 'end', `${TODAY}T08:00`);
    await fill(page, 'content', '测试');
    await save(page);
    await expect(page.locator('.modal .field-error').allInnerTexts()).resolves.toContain('结束时间不能早于开始时间');
    await page.locator('.modal').getByRole('button', { name: '取消' }).click();
    await closed(page);

    await logService(page, {
      serviceType: '技术支持', contactType: '电话', importance: '高', start: `${TODAY}T09:00`, end: `${TODAY}T10:30`,
      content: '打印机无法连接。重新安装驱动后恢复正常。', progressed: true, completed: true,
    });
    await logService(page, {
      handler: '郑浩', serviceType: '维修', contactType: '上门', importance: '高', start: `${TODAY}T13:00`, end: `${TODAY}T15:15`,
      content: '服务器硬盘告警。备件已下单。', progressed: true, completed: false,
    });
    await logService(page, {
      handler: '郑浩', serviceType: '回访', contactType: '电话', importance: '低', start: `${TODAY}T16:00`, end: `${TODAY}T16:10`,
      content: '回访上线情况。客户未接电话。', progressed: false, completed: false,
    });
    const rows = await rowTexts(page);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.includes('打印机无法连接'))).toMatch(/90/);
    expect(rows.find((r) => r.includes('服务器硬盘告警'))).toMatch(/135/);

    // ---- a completed record becomes a knowledge article; an open one cannot ----
    await page.locator('.grid-row', { hasText: '服务器硬盘告警' }).click();
    await page.getByRole('button', { name: '转为知识库文章' }).click();
    const refused = page.locator('.toast', { hasText: '只有已完成的服务记录才能转为知识库文章' });
    await refused.waitFor();
    await refused.getByRole('button').click();
    await page.locator('.grid-row', { hasText: '打印机无法连接' }).click();
    await page.getByRole('button', { name: '转为知识库文章' }).click();
    await expect(page.locator('.modal #f-title').inputValue()).resolves.toBe('打印机无法连接');
    await expect(page.locator('.modal #f-tags').inputValue()).resolves.toBe('技术支持, 电话');
    await save(page);
    await page.waitForURL(/service\/knowledge\?article=/);
    await expect(page.locator('.kb-article h2').innerText()).resolves.toBe('打印机无法连接');
    await expect(page.locator('.kb-article').innerText()).resolves.toContain('杭州恒远机械有限公司');
    await page.getByRole('searchbox', { name: '搜索知识库' }).fill('驱动');
    await expect(page.locator('.kb-results li').count()).resolves.toBe(1);
    await expect(page.locator('.kb-article mark').first().innerText()).resolves.toBe('驱动');
    await page.getByRole('searchbox', { name: '搜索知识库' }).fill('没有这个词');
    await page.getByText('没有找到匹配的文章').waitFor();
    await page.getByRole('searchbox', { name: '搜索知识库' }).fill('');
    // the same record cannot become a second article
    await goto(page, ws, 'service/records');
    await page.locator('.grid-row', { hasText: '打印机无法连接' }).click();
    await page.getByRole('button', { name: '转为知识库文章' }).click();
    await page.waitForURL(/service\/knowledge\?article=/);
    await page.locator('.toast', { hasText: '已转为知识库文章' }).waitFor();
    await shot(page, 'service-knowledge-1280x800');

    // ---- complaint, recorded by the service agent ----
    await actAs(page, '郑浩', '售后服务员');
    await goto(page, ws, 'service/complaints');
    await page.getByRole('button', { name: '+ 新增' }).click();
    await pickRef(page, 'customerId', '杭州恒远机械');
    expect(await page.locator('.modal #f-targetPerson').count()).toBe(0);
    expect(await page.locator('.modal #f-status').count()).toBe(0);
    await fill(page, 'targetKind', '人员');
    await fill(page, 'reason', '服务态度');
    await fill(page, 'details', '业务员电话中态度生硬');
    await save(page);
    await expect(page.locator('.modal .field-error').allInnerTexts()).resolves.toContain('请选择被投诉的人员');
    await pickRef(page, 'targetPerson', '李业务');
    await save(page);
    await closed(page);
    expect((await rowTexts(page))[0]).toContain('已登记');
    await page.getByRole('link', { name: '杭州恒远机械有限公司' }).click();
    await page.getByRole('heading', { name: /投诉 · 杭州恒远机械有限公司/ }).waitFor();
    await page.getByText('等待服务监督人分配处理人。').waitFor();
    const complaintUrl = page.url();

    // ---- the supervisor assigns; the access check names the handler who could not see it ----
    await actAs(page, '王老师', '系统管理员');
    await page.goto(complaintUrl);
    await page.locator('#step-handler').selectOption({ label: '李业务 (无权查看)' });
    await expect(page.locator('.next-step .error-banner').innerText()).resolves.toContain('不在处理人「李业务」的数据范围');
    expect(await page.getByRole('button', { name: '分配', exact: true }).isDisabled()).toBe(true);
    await page.locator('#step-handler').selectOption({ label: '郑浩' });
    await page.locator('#step-comment').fill('今天内回复客户');
    await page.getByRole('button', { name: '分配', exact: true }).click();
    await page.locator('.status-badge', { hasText: '已分配' }).waitFor();
    await page.getByText('等待处理人 郑浩 记录处理结果。').waitFor();

    // ---- the handler finds it in "assigned to me" and records the result ----
    await actAs(page, '郑浩', '售后服务员');
    await goto(page, ws, 'service/complaints');
    await page.getByRole('button', { name: /分配给我的 1/ }).click();
    expect(await rowTexts(page)).toHaveLength(1);
    await page.getByRole('link', { name: '杭州恒远机械有限公司' }).click();
    await page.locator('#step-result').fill('已向客户道歉，并对业务员进行服务礼仪培训');
    await page.getByRole('button', { name: '提交处理结果' }).click();
    await page.locator('.status-badge', { hasText: '已处理' }).waitFor();
    await page.getByText('等待服务监督人回访客户。').waitFor();

    // ---- the supervisor finds it in "waiting for my revisit", records satisfaction, closes ----
    await actAs(page, '王老师', '系统管理员');
    await goto(page, ws, 'service/complaints');
    await page.getByRole('button', { name: /待我回访 1/ }).click();
    expect(await rowTexts(page)).toHaveLength(1);
    await page.getByRole('link', { name: '杭州恒远机械有限公司' }).click();
    await page.locator('#step-satisfaction').selectOption({ label: '满意' });
    await page.locator('#step-comment').fill('客户认可处理结果');
    await page.getByRole('button', { name: '记录回访' }).click();
    await page.locator('.status-badge', { hasText: '已回访' }).waitFor();
    await page.getByRole('button', { name: '关闭投诉' }).click();
    await page.locator('.status-badge', { hasText: '已关闭' }).waitFor();
    const steps = await page.locator('.svc-timeline li .tl-head').allInnerTexts();
    expect(steps.map((s) => s.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      '登记 郑浩', '分配处理人 王老师', '记录处理结果 郑浩', '回访 王老师', '关闭 王老师',
    ]);
    const timelineText = await page.locator('.svc-timeline').innerText();
    expect(timelineText).toContain('处理人:郑浩');
    expect(timelineText).toContain('客户满意度:满意');
    expect(timelineText).toContain('今天内回复客户');
    await expect(page.locator('dl.fields').innerText()).resolves.toContain('已向客户道歉');
    await shot(page, 'service-complaint-1280x800');

    // ---- service analysis: the SPEC K formulas on the page ----
    await goto(page, ws, 'service/analysis');
    await page.locator('table.service-analysis').waitFor();
    // group, count, completed, not completed, completion rate, progressed, not progressed, efficiency
    expect(await analysisRow(page, '王老师')).toEqual(['王老师', '1', '1', '0', '100.00%', '1', '0', '100.00%']);
    expect(await analysisRow(page, '郑浩')).toEqual(['郑浩', '2', '0', '2', '0.00%', '1', '1', '50.00%']);
    expect(await analysisRow(page, '合计')).toEqual(['合计', '3', '1', '2', '33.33%', '2', '1', '66.67%']);
    await page.locator('.svc-chart canvas').first().waitFor();
    await expect(page.locator('.svc-chart .u-legend').innerText()).resolves.toMatch(/联系完成率[\s\S]*联系完成效率/);
    // drill down: 郑浩's two not-completed records
    await page.locator('tr[data-group="郑浩"] td').nth(2).getByRole('button').click();
    await page.locator('.modal .grid-row').first().waitFor();
    expect((await page.locator('.modal .grid-row').allInnerTexts()).map((r) => r.includes('服务器硬盘告警') || r.includes('回访上线情况'))).toEqual([true, true]);
    await page.locator('.modal .modal-head').getByRole('button', { name: '关闭' }).click();
    await closed(page);
    await page.locator('#sa-by').selectOption({ label: '按重要程度' });
    expect(await analysisRow(page, '高')).toEqual(['高', '2', '1', '1', '50.00%', '2', '0', '100.00%']);
    expect(await analysisRow(page, '低')).toEqual(['低', '1', '0', '1', '0.00%', '0', '1', '0.00%']);
    await page.locator('#sa-by').selectOption({ label: '按联系类型' });
    expect(await analysisRow(page, '电话')).toEqual(['电话', '2', '1', '1', '50.00%', '1', '1', '50.00%']);
    await shot(page, 'service-analysis-1280x800');
    // a period with no records: "—", never NaN
    await page.locator('#sa-from').fill('2001-01-01');
    await page.locator('#sa-to').fill('2001-12-31');
    await page.getByText('所选期间没有服务记录').first().waitFor();
    expect(await analysisRow(page, '合计')).toEqual(['合计', '0', '0', '0', '—', '0', '0', '—']);
    expect(await page.locator('table.service-analysis').innerText()).not.toMatch(/NaN|Infinity/);

    // ---- the customer's page shows its service records and complaints ----
    await goto(page, ws, 'customers');
    await page.getByRole('link', { name: 'KH001' }).click();
    await page.getByRole('heading', { name: /杭州恒远机械有限公司/ }).waitFor();
    const section = page.locator('.customer-service');
    await section.getByRole('tab', { name: /服务记录 \(3\)/ }).waitFor();
    expect(await section.locator('.grid-row').count()).toBe(3);
    await page.locator('.content').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await shot(page, 'service-customer-1280x800');
    await section.getByRole('tab', { name: /投诉处理 \(1\)/ }).click();
    await expect(section.locator('.grid-row').first().innerText()).resolves.toContain('已关闭');

    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the sample company: a year of service on a tablet, analysis numbers match the data', async () => {
    const { ctx, page, errors } = await newPage(browser, { width: 768, height: 1024 });
    const ws = await createWorkspace(page, '示例公司', '王老师');
    await page.getByRole('button', { name: '载入示例公司' }).click();
    await page.locator('.toast', { hasText: '示例' }).first().waitFor({ timeout: 30_000 });

    const d0 = new Date();
    const p2 = (n: number) => String(n).padStart(2, '0');
    // the page counts the sample's dates from the device's day
    const data = sampleCompany({ history: true, today: `${d0.getFullYear()}-${p2(d0.getMonth() + 1)}-${p2(d0.getDate())}` });
    const users = new Map(data.users.map((u) => [u.id, String(u.name)]));
    const all = analyzeService(data.serviceRecords, { groupBy: 'handlerId' });
    await goto(page, ws, 'service/analysis');
    await page.locator('#sa-preset').selectOption({ label: '全部' });
    const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}%`);
    for (const r of all.rows) {
      const name = users.get(r.key!)!;
      expect(await analysisRow(page, name)).toEqual([name, String(r.count), String(r.completed), String(r.notCompleted),
        pct(r.completionRate), String(r.progressed), String(r.notProgressed), pct(r.efficiency)]);
    }
    expect((await analysisRow(page, '合计'))[1]).toBe(String(data.serviceRecords.length));
    await page.locator('.svc-chart canvas').first().waitFor();
    await shot(page, 'service-analysis-768x1024');

    // the supervisor (客服主管 吴敏) sees what waits for her revisit
    await actAs(page, '吴敏', '客服主管');
    await goto(page, ws, 'service/complaints');
    await page.locator('.grid-row').first().waitFor();
    expect(await page.locator('.grid-row').count()).toBeGreaterThan(5);
    await shot(page, 'service-complaints-768x1024');
    await page.getByRole('link').filter({ hasText: /有限公司|学院|局|大学/ }).first().click();
    await page.locator('.svc-stepper').waitFor();
    await shot(page, 'service-complaint-768x1024');

    await goto(page, ws, 'service/knowledge');
    await page.locator('.kb-results li').first().waitFor();
    expect(await page.locator('.kb-results li').count()).toBe(data.knowledgeArticles.length);
    await page.getByRole('searchbox', { name: '搜索知识库' }).fill('结账');
    await expect(page.locator('.kb-results li').count()).resolves.toBeGreaterThanOrEqual(1);
    await shot(page, 'service-knowledge-768x1024');

    await goto(page, ws, 'service/records');
    await page.locator('.grid-row').first().waitFor();
    await shot(page, 'service-records-768x1024');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
