import { describe, expect, it } from 'vitest';
import { permFields, type Permission, type RoleLike } from '../org/modules';
import {
  analyzeService, checkHandlerAccess, currentStatus, minutesSpent, timeline, validateServiceTimes, COMPLAINT_STATUSES,
} from '../service';
import { BENCH_SIZES, SAMPLE_SIZES, benchDataset, sampleCompany } from './index';
import { SERVICE_LEAD, SERVICE_STAFF } from './service';
import { dayNumber } from './random';

const data = sampleCompany({ history: true });
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const roles = byId(data.roles);
const users = byId(data.users);
const roleOf = (userId: string): RoleLike => {
  const { perms, ...rest } = roles.get(users.get(userId)!.roleId as string)! as Record<string, unknown>;
  return { ...rest, ...permFields((perms ?? {}) as Record<string, Permission>) };
};
const TODAY = dayNumber('2026-11-24');
/** Each complaint's steps: rows of complaintSteps. */
const stepRows = new Map<string, Record<string, unknown>[]>();
for (const s of data.complaintSteps) stepRows.set(String(s.complaintId), [...(stepRows.get(String(s.complaintId)) ?? []), s]);

describe('sample company: a year of customer service', () => {
  it('is deterministic and only comes with history', () => {
    expect(sampleCompany({ history: true }).serviceRecords).toEqual(data.serviceRecords);
    expect(sampleCompany({ history: true }).complaints).toEqual(data.complaints);
    expect(sampleCompany({ history: true }).complaintSteps).toEqual(data.complaintSteps);
    expect(sampleCompany({ history: true, seed: 2 }).serviceRecords).not.toEqual(data.serviceRecords);
    expect(sampleCompany().serviceRecords).toBeUndefined();
    expect(data.serviceRecords).toHaveLength(SAMPLE_SIZES.serviceRecords);
    expect(data.complaints).toHaveLength(SAMPLE_SIZES.complaints);
  });

  it('has a service supervisor and two service staff, as the flow needs', () => {
    expect(roles.get(users.get(SERVICE_LEAD)!.roleId as string)!.name).toBe('客服主管');
    expect(roleOf(SERVICE_LEAD).perm_service).toBe('approve');
    for (const s of SERVICE_STAFF) expect(roleOf(s).perm_service).toBe('write');
  });

  it('service records: within the past year on working hours, time spent = end − start, done by the service team', () => {
    const bad: string[] = [];
    for (const r of data.serviceRecords) {
      const day = dayNumber(String(r.start).slice(0, 10));
      if (day > TODAY || day < TODAY - 366) bad.push(`${r.id}: start ${String(r.start)}`);
      if (String(r.start).slice(0, 10) !== String(r.end).slice(0, 10)) bad.push(`${r.id}: ends another day`);
      if (validateServiceTimes(r.start, r.end)) bad.push(`${r.id}: times`);
      if (r.minutesSpent !== minutesSpent(r.start, r.end) || !((r.minutesSpent as number) > 0)) bad.push(`${r.id}: minutes`);
      if (![SERVICE_LEAD, ...SERVICE_STAFF].includes(r.handlerId as string)) bad.push(`${r.id}: handler ${String(r.handlerId)}`);
      if (typeof r.completed !== 'boolean' || typeof r.progressed !== 'boolean') bad.push(`${r.id}: flags`);
      if (!String(r.content).endsWith('。')) bad.push(`${r.id}: content`);
    }
    expect(bad).toEqual([]);
    for (const k of ['serviceType', 'contactType', 'importance', 'satisfaction']) {
      expect(new Set(data.serviceRecords.map((r) => r[k]).filter(Boolean)).size, k).toBeGreaterThanOrEqual(3);
    }
  });

  it('service analysis over the sample gives realistic, finite rates', () => {
    const a = analyzeService(data.serviceRecords, { groupBy: 'handlerId' });
    expect(a.rows.map((r) => r.key)).toEqual([SERVICE_LEAD, 'us011', 'us014']);
    expect(a.totals.count).toBe(SAMPLE_SIZES.serviceRecords);
    expect(a.totals.completionRate!).toBeGreaterThan(70);
    expect(a.totals.completionRate!).toBeLessThan(95);
    expect(a.totals.efficiency!).toBeGreaterThan(a.totals.completionRate! - 10);
  });

  it('complaints: every step by the right person in order, at every status, nothing in the future', () => {
    const now = TODAY * 86_400_000 + 10 * 3_600_000; // 18:00 China time
    const statuses = new Map<string, number>();
    const bad: string[] = [];
    for (const c of data.complaints) {
      const steps = timeline(stepRows.get(c.id));
      const status = currentStatus(c)!;
      expect(c, c.id).not.toHaveProperty('steps');
      expect(stepRows.get(c.id)!.map((s) => [s.id, s.seq]), c.id).toEqual(steps.map((_s, i) => [`${c.id}.S${i}`, i]));
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect(steps.length, c.id).toBe(COMPLAINT_STATUSES.indexOf(status) + 1);
      if (c.status !== status) bad.push(`${c.id}: status field`);
      for (let i = 1; i < steps.length; i++) if (steps[i].at < steps[i - 1].at) bad.push(`${c.id}: order`);
      if (steps[steps.length - 1].at > now) bad.push(`${c.id}: in the future`);
      for (const s of steps) {
        if (s.kind === 'assign' || s.kind === 'revisit' || s.kind === 'close') {
          if (s.by !== SERVICE_LEAD) bad.push(`${c.id}: ${s.kind} by ${s.by}`);
        }
        if (s.kind === 'handle' && s.by !== c.handlerId) bad.push(`${c.id}: handled by someone else`);
      }
      if (c.handlerId) {
        const customer = data.customers.find((x) => x.id === c.customerId)!;
        const ownerId = customer.ownerId as string | undefined;
        const access = checkHandlerAccess(
          { id: c.handlerId as string, departmentId: users.get(c.handlerId as string)!.departmentId as string, role: roleOf(c.handlerId as string) },
          { id: ownerId, departmentId: ownerId ? users.get(ownerId)!.departmentId as string : undefined },
        );
        if (access) bad.push(`${c.id}: handler cannot see it`);
      }
      if (status === 'closed' && !(c.result && c.revisitSatisfaction)) bad.push(`${c.id}: closed without result or satisfaction`);
    }
    expect(bad).toEqual([]);
    // the to-do lists of the demo are not empty
    for (const s of ['recorded', 'assigned', 'handled', 'closed']) expect(statuses.get(s) ?? 0, s).toBeGreaterThan(0);
  });

  it('knowledge base: written articles plus solved services turned into FAQ entries', () => {
    const services = byId(data.serviceRecords);
    const converted = data.knowledgeArticles.filter((a) => a.sourceServiceId);
    expect(converted).toHaveLength(SAMPLE_SIZES.articlesFromService);
    for (const a of converted) {
      const s = services.get(a.sourceServiceId as string)!;
      expect(s.completed).toBe(true);
      expect(String(s.content).startsWith(String(a.title))).toBe(true);
    }
    expect(new Set(data.knowledgeArticles.map((a) => a.title)).size).toBe(data.knowledgeArticles.length);
    expect(new Set(data.knowledgeArticles.map((a) => a.category)).size).toBeGreaterThanOrEqual(5);
  });

  it('bench datasets carry service records at both scales', () => {
    const cls = benchDataset('class');
    expect(cls.serviceRecords).toHaveLength(BENCH_SIZES.class.serviceRecords);
    expect(BENCH_SIZES.company.serviceRecords).toBeGreaterThanOrEqual(BENCH_SIZES.class.serviceRecords);
    const customers = new Set(cls.customers.map((c) => c.id));
    for (const r of cls.serviceRecords) expect(customers.has(r.customerId as string)).toBe(true);
  });
});
