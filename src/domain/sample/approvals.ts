import type { GenContext } from './generate';
import type { SampleData, SampleRecord } from './index';
import { pad } from './random';
import { DEFAULT_EXPENSE_LIMIT } from '../finance/approval';

/**
 * 业务审批 and 合同 in the sample company (issue 13), from their own random stream so every record
 * the sample already makes stays the same: approval rules for each document type, the step records
 * of the sample's expenses (their status stays as it was; the engine now reads it from steps), and
 * contracts made from orders in every state — draft, pending, in force (one ending within 30 days),
 * rejected, expired, terminated — with their steps.
 */
const GM = 'us001'; // 总经理 (administrator): decides what a role's rule does not name
const MODULE_STEP = (module: string) => JSON.stringify([{ approvers: [{ kind: 'module', module }], reasons: [] }]);

export function genApprovals(ctx: GenContext, data: SampleData): Pick<SampleData, 'approvalRules' | 'approvalSteps' | 'contracts'> {
  const { rng, days } = ctx;
  const at = (off: number, hour: number) => Date.parse(`${days.at(off)}T${String(hour).padStart(2, '0')}:${pad(rng.int(60), 2)}:00+08:00`);
  const steps: SampleRecord[] = [];
  const step = (docType: string, docId: string, v: Record<string, unknown>) => steps.push({ id: `as${pad(steps.length + 1, 5)}`, docType, docId, ...v });

  const approvalRules: SampleRecord[] = [
    { id: 'ar001', name: '报价单提交即需审批', docType: 'quotes', condition: 'always', stepNo: 1, approverKind: 'module', active: true },
    { id: 'ar002', name: '订单折扣低于职位折扣', docType: 'orders', condition: 'discountBelowLimit', stepNo: 1, approverKind: 'module', active: true },
    { id: 'ar003', name: '特殊订单由总经理审批', docType: 'orders', condition: 'typeIs', typeCode: 'special', stepNo: 2, approverKind: 'role', approverRoleId: 'rl001', active: true },
    { id: 'ar004', name: '费用超过审批限额', docType: 'expenses', condition: 'amountOver', stepNo: 1, approverKind: 'module', active: true },
    { id: 'ar005', name: '合同由部门负责人审批', docType: 'contracts', condition: 'always', stepNo: 1, approverKind: 'deptManager', active: true },
    { id: 'ar006', name: '大额合同再由总经理审批', docType: 'contracts', condition: 'amountOver', threshold: 500000, stepNo: 2, approverKind: 'role', approverRoleId: 'rl001', active: true },
  ];

  // the expenses' own history: submitted ones wait, decided ones were decided (over the limit) or approved at once
  for (const e of data.expenses ?? []) {
    if (e.status === 'draft' || !e.status) continue;
    const off = Math.min(0, Math.round((Date.parse(String(e.date)) - Date.parse(days.at(0))) / 86_400_000));
    const over = Number(e.amount) > DEFAULT_EXPENSE_LIMIT;
    const asked = e.status === 'submitted' || e.status === 'rejected' || over;
    step('expenses', e.id, { round: 1, step: 0, action: 'submit', by: e.ownerId, at: at(off, 9), plan: asked ? MODULE_STEP('finance') : '[]' });
    if (e.status === 'approved' && asked) step('expenses', e.id, { round: 1, step: 1, action: 'approve', by: GM, at: at(Math.min(0, off + 1), 15) });
    if (e.status === 'rejected') step('expenses', e.id, { round: 1, step: 1, action: 'reject', by: GM, at: at(Math.min(0, off + 1), 15), comment: rng.pick(['超出标准,请按差旅规定重新报销', '缺少发票', '与客户无关,不予报销']) });
  }

  // contracts from orders that were approved
  const users = new Map((data.users ?? []).map((u) => [u.id, u]));
  const deptOf = new Map((data.departments ?? []).map((d) => [d.id, d]));
  const managerOf = (userId: unknown) => String(deptOf.get(String(users.get(String(userId))?.departmentId))?.manager ?? GM);
  const orders = (data.orders ?? []).filter((o) => o.status === 'approved' || o.status === 'executing' || o.status === 'completed').slice(0, 9);
  const STATES = ['active', 'active', 'expiring', 'expired', 'pending', 'draft', 'rejected', 'terminated', 'active'] as const;
  const counters = new Map<string, number>();
  const contracts: SampleRecord[] = orders.map((o, i) => {
    const state = STATES[i % STATES.length];
    const owner = String(o.ownerId);
    const n = (counters.get(owner) ?? 0) + 1;
    counters.set(owner, n);
    const code = `HT-${String(users.get(owner)?.code ?? 'U')}-${pad(n, 4)}`;
    const signOff = state === 'expired' ? -rng.range(400, 500) : state === 'expiring' ? -rng.range(330, 350) : -rng.range(20, 200);
    const endOff = state === 'expired' ? signOff + 364 : state === 'expiring' ? rng.range(5, 25) : signOff + 730;
    const status = state === 'expiring' || state === 'expired' ? 'active' : state;
    const id = `ct${pad(i + 1, 3)}`;
    const mgr = managerOf(owner);
    if (status !== 'draft') {
      step('contracts', id, { round: 1, step: 0, action: 'submit', by: owner, at: at(signOff - 2, 10), plan: JSON.stringify([{ approvers: [{ kind: 'user', userId: mgr }], reasons: [] }]) });
      if (status !== 'pending') {
        const rejected = status === 'rejected';
        step('contracts', id, { round: 1, step: 1, action: rejected ? 'reject' : 'approve', by: mgr, at: at(signOff - 1, 16), ...(rejected ? { comment: '付款条款需与财务确认后再提交' } : {}) });
      }
    }
    return {
      id, code, title: `${String(o.code)} 销售合同`, customerId: o.customerId, orderId: o.id, opportunityId: o.opportunityId, ownerId: owner, signerId: mgr,
      customerSigner: rng.pick(['张总', '李总', '王经理', '陈主任']), amount: o.amount, signDate: days.at(signOff), startDate: days.at(signOff),
      endDate: days.at(endOff), status, ...(status === 'terminated' ? { terminatedAt: days.at(-rng.range(1, 15)) } : {}),
      attachmentName: `${code}.pdf`, attachmentNote: '双方盖章扫描件',
    };
  });
  return { approvalRules, approvalSteps: steps, contracts };
}
