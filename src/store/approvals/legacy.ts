import type { Workspace } from '../core/workspace';
import type { BaseRecord } from '../../domain/core/record';
import type { Values } from '../../domain/core/read';
import { sortRows } from '../../domain/core/rows';

/**
 * Steps an older version kept per document (`quoteSteps`, `orderSteps`: submit/approve/reject/
 * withdraw rows, one approval step per round), read as engine step records — the fallback we chose
 * over a migration: nothing is rewritten, a peer on the older version still reads its own rows,
 * and an existing pending quote stays pending with its history. New actions write `approvalSteps`
 * only; their round follows the legacy rounds.
 *
 * Each legacy submission starts a round with one step (who had approve on the module decided). A
 * submission nobody decided that the document no longer waits on (an order within the limit went
 * straight to approved) had no step at all.
 */
const LEGACY: Readonly<Record<string, { rows: string; field: string; pending: string; module: string }>> = {
  quotes: { rows: 'quoteSteps', field: 'quoteId', pending: 'pending', module: 'sales' },
  orders: { rows: 'orderSteps', field: 'orderId', pending: 'submitted', module: 'orders' },
};

const APPROVAL_ACTIONS = new Set(['submit', 'approve', 'reject', 'withdraw']);

/** Documents with a legacy step by this user among these actions (the inbox's decided / submitted views). */
export function legacyDocIds(ws: Workspace, entity: string, by: string, actions: readonly string[]): string[] {
  const l = LEGACY[entity];
  if (!l) return [];
  return ws.collection(l.rows).live().filter((r) => r.by === by && r.engine !== true && actions.includes(String(r.action))).map((r) => String(r[l.field]));
}

export function legacySteps(ws: Workspace, entity: string, doc: BaseRecord): Values[] {
  const l = LEGACY[entity];
  if (!l) return [];
  // rows marked `engine` are the order log's copies of engine steps, not steps of their own
  const rows = sortRows(ws.collection(l.rows).liveWhere(l.field, doc.id)).filter((r) => APPROVAL_ACTIONS.has(String(r.action)) && r.engine !== true);
  const out: Values[] = [];
  let round = 0;
  rows.forEach((r, i) => {
    if (r.action === 'submit') round++;
    if (!round) return;
    const base = { id: r.id, docType: entity, docId: doc.id, round, by: r.by, at: r.at, ...(typeof r.comment === 'string' ? { comment: r.comment } : {}) };
    if (r.action === 'submit') {
      const rest = rows.slice(i + 1);
      const end = rest.findIndex((x) => x.action === 'submit');
      const roundRows = end < 0 ? rest : rest.slice(0, end);
      const decided = roundRows.some((x) => x.action === 'approve' || x.action === 'reject' || x.action === 'withdraw');
      const waits = end < 0 && doc.status === l.pending;
      const plan = decided || waits ? [{ approvers: [{ kind: 'module', module: l.module }], reasons: [] }] : [];
      out.push({ ...base, step: 0, action: 'submit', plan: JSON.stringify(plan) });
    } else {
      out.push({ ...base, step: r.action === 'withdraw' ? 0 : 1, action: r.action });
    }
  });
  return out;
}
