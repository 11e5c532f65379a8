import type { WorkspaceCtx } from '../shared/context';
import type { Reminder } from '../../domain/core/reminders';
import { contractExpiryReminders } from '../../domain/contracts/expiry';
import { displayName } from '../../domain/core/entity';
import { lang } from '../i18n';

/** 合同到期: contracts in force of this user (rep or our signatory) ending within 30 days. */
export function contractEnds(ctx: WorkspaceCtx, today: string): Reminder[] {
  if (!ctx.can('orders', 'read')) return [];
  const mine = ctx.visible('contracts').filter((c) => c.ownerId === ctx.userId() || c.signerId === ctx.userId());
  return contractExpiryReminders(mine, today, (c) => displayName(ctx.def('contracts'), c as never, lang()));
}
