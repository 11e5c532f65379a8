import type { GenContext } from './generate';
import type { SampleData, SampleRecord } from './index';
import { pad } from './random';
import { planSteps, type Submitter } from '../approvals';
import { DEFAULT_BUDGET_LIMIT, MARKET_ACTIVITY_APPROVAL as DT } from '../marketing/approval';

/**
 * Market activity budgets on the approval engine in the sample company (issue 13), from their own
 * random stream so every record the sample already makes stays the same. It adds:
 * - a 市场专员 role (write on Marketing, expenses and leads; reads customers and sales) for 何静 of
 *   市场部, who owns the activities and spends their expenses but had the read-only guest role —
 *   her `roleId` is the one field written on a record made elsewhere (org.ts);
 * - the rule "a budget over 20,000 → the owner's department manager" (the default, as data);
 * - each activity's `approvalStatus` and step records, in every state: past activities approved
 *   (a small budget at once, a large one by 陈建国 — 何静 heads 市场部 herself, so her budget goes to
 *   whoever has approve on Marketing), one large exhibition rejected once then approved, the
 *   cancelled one never submitted (draft), the next online campaign waiting for a decision and the
 *   next exhibition rejected with a comment. Plans come from the engine's own `planSteps`.
 */
const GM = 'us001'; // 陈建国, 系统管理员 (approve on every module)
export const MARKETER_ROLE = 'rl008';

export function genMarketApprovals(ctx: GenContext, data: SampleData): Pick<SampleData, 'roles' | 'users' | 'marketActivities' | 'approvalRules' | 'approvalSteps'> {
  const { rng, days } = ctx;
  const role: SampleRecord = {
    id: MARKETER_ROLE, name: '市场专员', nameEn: 'Marketing specialist', scope: 'all',
    perms: { customers: 'read', competitors: 'read', products: 'read', sales: 'write', finance: 'write', marketing: 'write', analysis: 'read', office: 'write' },
  };
  const users = data.users.map((u) => (u.id === 'us012' ? { ...u, roleId: MARKETER_ROLE } : u));
  const rule: SampleRecord = {
    id: 'ar007', name: '市场活动预算超过两万元由部门负责人审批', docType: 'marketActivities', condition: 'amountOver', threshold: DEFAULT_BUDGET_LIMIT,
    stepNo: 1, approverKind: 'deptManager', active: true,
  };

  const byId = new Map(users.map((u) => [u.id, u]));
  const managerOf = (userId: string) => String(data.departments.find((d) => d.id === byId.get(userId)?.departmentId)?.manager ?? '') || null;
  const submitter = (userId: string): Submitter => ({ id: userId, roleId: String(byId.get(userId)?.roleId ?? ''), departmentManagerId: managerOf(userId) });
  const planOf = (a: SampleRecord) => planSteps(DT, [rule], DT.facts(a, () => [], {}), submitter(String(a.ownerId)));
  const at = (day: string, hour: number) => Date.parse(`${day}T${pad(hour, 2)}:${pad(rng.int(60), 2)}:00+08:00`);
  const steps: SampleRecord[] = [];
  const step = (docId: string, v: Record<string, unknown>) => steps.push({ id: `ab${pad(steps.length + 1, 5)}`, docType: DT.entity, docId, ...v });
  // days before the start a budget went in, and when it was decided
  const submitDay = (a: SampleRecord, before: number) => days.at(Math.min(-1, offsetOf(String(a.startDate)) - before));
  const offsetOf = (day: string) => Math.round((Date.parse(day) - Date.parse(days.at(0))) / 86_400_000);

  const planned = data.marketActivities.filter((a) => a.status === 'planned').sort((x, y) => String(x.startDate).localeCompare(String(y.startDate)));
  const [waiting, refused] = planned.filter((a) => planOf(a).length);
  const twice = data.marketActivities.filter((a) => a.status === 'finished' && a.type === 'exhibition').at(-1);
  const marketActivities = data.marketActivities.map((a) => {
    if (a.status === 'cancelled') return { ...a, approvalStatus: 'draft' };
    const plan = planOf(a);
    const by = String(a.ownerId);
    const reject = (round: number, day: string, comment: string) => {
      step(a.id, { round, step: 0, action: 'submit', by, at: at(day, 10), plan: JSON.stringify(plan) });
      step(a.id, { round, step: 1, action: 'reject', by: approverFor(plan, by), at: at(day, 17), comment });
    };
    if (a === refused) {
      reject(1, days.at(-2), rng.pick(['请补充展位费与搭建费明细后再提交', '预算高于去年同类展会,请压缩后重新提交']));
      return { ...a, approvalStatus: 'rejected' };
    }
    if (a === waiting) {
      step(a.id, { round: 1, step: 0, action: 'submit', by, at: at(days.at(-1), 9), plan: JSON.stringify(plan), comment: '请审批本期推广预算' });
      return { ...a, approvalStatus: 'pending' };
    }
    if (a.status === 'planned') return { ...a, approvalStatus: 'draft' };
    let round = 1;
    if (a === twice) reject(round++, submitDay(a, 40), '展位费报价偏高,请比价后重新提交');
    const day = submitDay(a, a === twice ? 30 : rng.range(15, 30));
    step(a.id, { round, step: 0, action: 'submit', by, at: at(day, 10), plan: JSON.stringify(plan) });
    if (plan.length) step(a.id, { round, step: 1, action: 'approve', by: approverFor(plan, by), at: at(day, 16), ...(rng.chance(0.5) ? { comment: '同意' } : {}) });
    return { ...a, approvalStatus: 'approved' };
  });
  return {
    roles: [...data.roles, role], users, marketActivities,
    approvalRules: [...(data.approvalRules ?? []), rule], approvalSteps: [...(data.approvalSteps ?? []), ...steps],
  };
}

/** Who decided the first step: the department manager the plan names, else the general manager. */
function approverFor(plan: ReturnType<typeof planSteps>, submitter: string): string {
  const named = plan[0]?.approvers.find((a) => a.kind === 'user');
  return named && named.kind === 'user' && named.userId !== submitter ? named.userId : GM;
}
