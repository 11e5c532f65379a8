import type { WorkspaceCtx } from '../shared/context';
import type { Reminder } from '../../domain/core/reminders';
import { contractExpiryReminders } from '../../domain/contracts/expiry';
import { displayName } from '../../domain/core/entity';
import { lang } from '../i18n';

/** 合同到期: contracts in force of the person (rep or our signatory) ending within 30 days. */
export function contractEnds(ctx: WorkspaceCtx, today: string, userId: string): Reminder[] {
  if (!ctx.can('orders', 'read')) return [];
  const mine = ctx.visible('contracts').filter((c) => c.ownerId === userId || c.signerId === userId);
  return contractExpiryReminders(mine, today, (c) => displayName(ctx.def('contracts'), c as never, lang()));
}
