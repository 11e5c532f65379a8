import type { Workspace } from '../core/workspace';
import { entityDef, saveRecord, type SaveResult } from '../core/records';
import type { RecordValues } from '../../domain/core/record';

/**
 * 催款记录: one entry per dunning action on an order (and instalment) — who, when, how, the date
 * the customer promised. Defaults (domain/finance/rules.ts): the order's customer, the acting user,
 * now, by phone. Entries are records of their own, so two people dunning while apart both keep theirs.
 */
export function logDunning(ws: Workspace, values: RecordValues, userId?: string): SaveResult {
  return saveRecord(ws, entityDef(ws, 'dunningLogs'), values, undefined, { userId });
}

/** The log of one order, newest first. */
export function dunningLogOf(ws: Workspace, orderId: string) {
  return ws.collection('dunningLogs').liveWhere('orderId', orderId)
    .sort((a, b) => (Number(b.at) || 0) - (Number(a.at) || 0));
}
