import type { Workspace } from '../core/workspace';
import { entityDef, saveRecord, type SaveResult } from '../core/records';

export interface NoteDraft { customerId: string; text: string; way?: string; contactId?: string }

/**
 * 记一笔: a call, visit or note about a customer, through the one save path (the customer must
 * exist, the text is required, the way is a code of 联系方式). Its time is its creation.
 */
export function addCustomerNote(ws: Workspace, draft: NoteDraft, userId?: string): SaveResult {
  const values = { customerId: draft.customerId, text: draft.text.trim(), way: draft.way || undefined, contactId: draft.contactId || undefined };
  return saveRecord(ws, entityDef(ws, 'customerNotes'), values, undefined, { userId });
}
