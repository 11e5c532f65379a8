import type { Values } from '../core/read';
import { dayOf, daysFrom, nextBirthday, plusDays, toneOf, type Reminder } from '../core/reminders';

/** Birthdays are shown this many days ahead (issue 14: within 7 days). */
export const BIRTHDAY_DAYS = 7;

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** Contacts whose birthday falls within `within` days of today (today included); each opens its customer. */
export function birthdayReminders(contacts: readonly Values[], today: string, within = BIRTHDAY_DAYS): Reminder[] {
  const out: Reminder[] = [];
  for (const c of contacts) {
    const day = nextBirthday(c.birthday, today);
    if (!day) continue;
    const days = daysFrom(today, day);
    if (days > within) continue;
    out.push({
      key: `birthday:${text(c.id)}:${day}`, kind: 'birthday', day, days, tone: days === 0 ? 'due' : 'soon',
      subject: text(c.name), href: `customers/${text(c.customerId)}`,
    });
  }
  return out;
}

/**
 * When a customer is next to be contacted: its 下次联系时间, else the last contact plus its 联系周期
 * (days). A contact on or after the set day already answered it.
 */
export function nextContactDay(customer: Values, lastContact: string | null): string | null {
  const set = dayOf(customer.nextContact);
  if (set) return lastContact && lastContact >= set ? null : set;
  const cycle = typeof customer.contactCycle === 'number' ? customer.contactCycle : Number(customer.contactCycle);
  if (!lastContact || !Number.isFinite(cycle) || cycle <= 0) return null;
  return plusDays(lastContact, Math.round(cycle));
}

/** Customers due or overdue for contact today; `lastContact` gives each customer's latest contact day. */
export function contactDueReminders(customers: readonly Values[], lastContact: ReadonlyMap<string, string>, today: string): Reminder[] {
  const out: Reminder[] = [];
  for (const c of customers) {
    const id = text(c.id);
    const day = nextContactDay(c, lastContact.get(id) ?? null);
    if (!day) continue;
    const days = daysFrom(today, day);
    const tone = toneOf(days, 0);
    if (!tone) continue;
    out.push({ key: `contactDue:${id}:${day}`, kind: 'contactDue', day, days, tone, subject: text(c.name), href: `customers/${id}` });
  }
  return out;
}

/** The latest day of each customer's contacts, from rows naming the customer and a day. */
export function lastContactDays(rows: Iterable<{ customerId: string | null; day: string | null }>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    if (!r.customerId || !r.day) continue;
    const was = out.get(r.customerId);
    if (!was || r.day > was) out.set(r.customerId, r.day);
  }
  return out;
}
