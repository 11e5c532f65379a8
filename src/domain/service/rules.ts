import type { RecordValues } from '../core/record';
import type { Errors } from '../core/validate';
import type { RoleLike } from '../org/modules';
import { customerOwner, localDateTime, type EntityRules, type RuleContext } from '../core/rules';
import { applyStep, currentStatus, validateComplaint, type Person } from './complaints';
import { asText } from './read';
import { asTime, validateServiceTimes, withMinutesSpent } from './time';

/** Rules of the service module's entities (read by the one save path, store/core/records.ts). */

/** A user with their role, as the complaint rules see them. */
export function personIn(ctx: RuleContext, userId: string): Person {
  const u = ctx.get('users', userId);
  if (!u || u.deleted) return { id: userId, role: undefined };
  const role = ctx.get('roles', u.roleId) as RoleLike | undefined;
  return { id: u.id, name: asText(u.name) ?? undefined, departmentId: asText(u.departmentId) ?? undefined, role: role?.deleted ? undefined : role };
}

/** Time spent follows from start and end (never typed). */
export function prepareServiceTimes(values: RecordValues): RecordValues {
  const v = withMinutesSpent(values);
  return { ...v, minutesSpent: v.minutesSpent ?? undefined };
}

/** The end may not be before the start. */
export function serviceTimeErrors(values: RecordValues): Errors {
  const msg = validateServiceTimes(values.start, values.end);
  if (!msg) return {};
  const startUnreadable = typeof values.start === 'string' && values.start.trim() !== '' && asTime(values.start) === null;
  return startUnreadable ? { start: msg } : { end: msg };
}

export const serviceRecordRules: EntityRules = {
  // the customer's owner handles a record made for that customer (SPEC B); else whoever records it
  defaults: (ctx, given) => ({ handlerId: customerOwner(ctx, given.customerId), start: localDateTime(ctx.now) }),
  prepare: (values) => prepareServiceTimes(values),
  validate: (values) => serviceTimeErrors(values),
  onEdit: (values, key) => (key === 'start' || key === 'end' ? prepareServiceTimes(values) : values),
};

const TARGETS: Record<string, string> = { product: 'targetProduct', department: 'targetDepartment', person: 'targetPerson' };

export const complaintRules: EntityRules = {
  /** Only the reference matching "about" is kept; a new complaint is recorded (登记) by the acting user. */
  prepare: (values, old, ctx) => {
    const out: RecordValues = { ...values };
    const keep = TARGETS[String(values.targetKind)];
    for (const k of Object.values(TARGETS)) if (keep && k !== keep) out[k] = undefined;
    if (!old) {
      // re-stamped on every attempt, so the step says when the complaint was really saved
      out.status = undefined;
      const res = applyStep(out, { kind: 'record' }, personIn(ctx, ctx.userId), ctx.now);
      if (res.ok) Object.assign(out, res.value.patch);
    }
    return out;
  },
  validate: (values, old, ctx) => {
    const msg = validateComplaint(values);
    if (msg) return { [TARGETS[String(values.targetKind)] ?? 'targetKind']: msg };
    if (!old && currentStatus(values) === null) {
      const res = applyStep(values, { kind: 'record' }, personIn(ctx, ctx.userId), ctx.now);
      if (!res.ok) return { details: res.refusal.message };
    }
    return {};
  },
};

export const SERVICE_RULES: Record<string, EntityRules> = {
  serviceRecords: serviceRecordRules,
  complaints: complaintRules,
};
