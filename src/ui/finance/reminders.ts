import type { WorkspaceCtx } from '../shared/context';
import { instalmentReminders } from '../../domain/finance/reminders';
import type { Reminder } from '../../domain/core/reminders';
import { dunningList, duesOf } from '../../store/finance/reads';
import { readFinance } from './common';
import { displayName } from '../../domain/core/entity';
import { lang } from '../i18n';

/** 逾期回款: the person's customers' overdue instalments, the dunning page's list (dunningList) filtered to them. */
export function instalments(ctx: WorkspaceCtx, today: string, userId: string): Reminder[] {
  if (!ctx.can('finance', 'read')) return [];
  readFinance(ctx);
  const mine = dunningList(duesOf(ctx.ws), today).filter((d) => d.ownerId === userId);
  return instalmentReminders(mine, (id) => displayName(ctx.def('orders'), ctx.get('orders', id), lang()) || id);
}
