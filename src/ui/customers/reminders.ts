import type { WorkspaceCtx } from '../shared/context';
import { birthdayReminders, contactDueReminders, lastContactDays } from '../../domain/customers/reminders';
import type { Reminder } from '../../domain/core/reminders';
import { dayOf } from '../../domain/core/reminders';

/** A person's own customers (专管业务员): their reminders are theirs to act on. */
function customersOf(ctx: WorkspaceCtx, userId: string) {
  return ctx.can('customers', 'read') ? ctx.where('customers', 'ownerId', userId) : [];
}

/** 生日: contacts of the person's customers with a birthday within 7 days. */
export function birthdays(ctx: WorkspaceCtx, today: string, userId: string): Reminder[] {
  const mine = new Set(customersOf(ctx, userId).map((c) => c.id));
  if (!mine.size) return [];
  return birthdayReminders(ctx.live('contacts').filter((c) => mine.has(String(c.customerId))), today);
}

/** 下次联系: the person's customers due or overdue for contact; the last contact is the latest contact record of their opportunities. */
export function contactsDue(ctx: WorkspaceCtx, today: string, userId: string): Reminder[] {
  const customers = customersOf(ctx, userId);
  if (!customers.length) return [];
  const customerOf = (oppId: unknown) => ctx.get('opportunities', oppId)?.customerId as string | undefined;
  const last = lastContactDays(ctx.live('contactRecords').map((r) => ({ customerId: customerOf(r.opportunityId) ?? null, day: dayOf(r.date) })));
  return contactDueReminders(customers, last, today);
}
