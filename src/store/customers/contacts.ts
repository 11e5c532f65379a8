import type { Workspace } from '../core/workspace';
import { primaryToClear } from '../../domain/customers/rules';

/**
 * Make a contact its customer's primary contact (首要联系人): the others stop being primary in the
 * same transaction, so no peer ever sees two primaries from this device.
 */
export function makePrimaryContact(ws: Workspace, customerId: string, contactId: string): void {
  const contacts = ws.collection('contacts');
  ws.transact(() => {
    for (const id of primaryToClear(contacts.live(), customerId, contactId)) contacts.update(id, { primary: false });
    contacts.update(contactId, { primary: true });
  });
}
