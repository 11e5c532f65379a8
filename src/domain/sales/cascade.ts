import { asText, idOf, isLive, type Values } from './read';

/**
 * What a delete takes with it (SPEC G; 精财 §3.1 notes 3–4, §3.3):
 *  - a contact record     → its quote;
 *  - a maintenance record → its quote;
 *  - an opportunity       → its contact records, their quotes and its other quotes — but NOT a
 *                           project made from it (nor that project's maintenance records);
 *  - a project            → its maintenance records, their quotes and its other quotes;
 *  - a quote              → itself only.
 * Pure: returns the ids to move to the recycle bin per collection (the targets included); the
 * store writes them in one transaction. Records already deleted are left out. A pending (locked)
 * quote goes with its parent: the parent's deletion is the user's explicit decision.
 */

export type CascadeCollection = 'opportunities' | 'contactRecords' | 'maintenanceRecords' | 'projects' | 'quotes';

export type DeletePlan = Record<CascadeCollection, string[]>;

export type SalesData = Partial<Record<CascadeCollection, readonly Values[]>>;

const emptyPlan = (): DeletePlan => ({ opportunities: [], contactRecords: [], maintenanceRecords: [], projects: [], quotes: [] });

function liveIds(list: readonly Values[] | undefined, match: (r: Values) => boolean): string[] {
  return (list ?? []).filter((r) => isLive(r) && match(r)).map(idOf);
}

/** Quotes of the given records (by `field`). */
function quotesOfRecords(data: SalesData, field: 'contactRecordId' | 'maintenanceRecordId', ids: string[]): string[] {
  const set = new Set(ids);
  return liveIds(data.quotes, (q) => set.has(asText(q[field]) ?? ''));
}

/**
 * Quotes attached directly to a parent (not through one of its records). A quote made on a
 * project's maintenance record may also name the original opportunity; it belongs to the project.
 */
function directQuotes(data: SalesData, parentField: 'opportunityId' | 'projectId', parentId: string): string[] {
  return liveIds(data.quotes, (q) => q[parentField] === parentId
    && !(parentField === 'opportunityId' && (asText(q.maintenanceRecordId) || asText(q.projectId))));
}

function planOne(collection: CascadeCollection, id: string, data: SalesData, plan: DeletePlan): void {
  const self = (data[collection] ?? []).find((r) => idOf(r) === id);
  if (!self || !isLive(self)) return;
  plan[collection].push(id);
  switch (collection) {
    case 'contactRecords':
      plan.quotes.push(...quotesOfRecords(data, 'contactRecordId', [id]));
      break;
    case 'maintenanceRecords':
      plan.quotes.push(...quotesOfRecords(data, 'maintenanceRecordId', [id]));
      break;
    case 'opportunities': {
      const recs = liveIds(data.contactRecords, (r) => r.opportunityId === id);
      plan.contactRecords.push(...recs);
      plan.quotes.push(...quotesOfRecords(data, 'contactRecordId', recs), ...directQuotes(data, 'opportunityId', id));
      break;
    }
    case 'projects': {
      const recs = liveIds(data.maintenanceRecords, (r) => r.projectId === id);
      plan.maintenanceRecords.push(...recs);
      plan.quotes.push(...quotesOfRecords(data, 'maintenanceRecordId', recs), ...directQuotes(data, 'projectId', id));
      break;
    }
    case 'quotes':
      break;
  }
}

/** Ids to delete per collection when deleting `ids` of `collection` (several selected rows at once). */
export function deletePlan(collection: CascadeCollection, ids: readonly string[], data: SalesData): DeletePlan {
  const plan = emptyPlan();
  for (const id of ids) planOne(collection, id, data, plan);
  for (const k of Object.keys(plan) as CascadeCollection[]) plan[k] = [...new Set(plan[k])];
  return plan;
}

/** Total number of records a plan deletes (for the confirmation dialog). */
export function planSize(plan: DeletePlan): number {
  return Object.values(plan).reduce((n, ids) => n + ids.length, 0);
}
