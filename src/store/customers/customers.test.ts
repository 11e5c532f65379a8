import { describe, expect, it } from 'vitest';
import { Workspace } from '../core/workspace';
import { seededWorkspace } from '../test-workspace';
import { makePrimaryContact } from './contacts';
import { assignCustomers } from './assign';
import { restoreFromBin } from './references';
import { moveToBin } from '../core/cascade';
import { addCustomerNote } from './notes';

function workspace() {
  const ws = seededWorkspace();
  ws.transact(() => {
    ws.collection('users').create({ name: '张三', roleId: 'role-rep', active: true }, 'rep');
    ws.collection('customers').create({ code: 'KH1', name: '恒远', kind: 'customer', ownerId: 'rep' }, 'c1');
    ws.collection('customers').create({ code: 'KH2', name: '华东', kind: 'customer', ownerId: 'rep' }, 'c2');
    ws.collection('contacts').create({ name: '赵', customerId: 'c1', primary: true }, 'k1');
    ws.collection('contacts').create({ name: '钱', customerId: 'c1' }, 'k2');
    ws.collection('contacts').create({ name: '孙', customerId: 'c2', primary: true }, 'k3');
  });
  return ws;
}
const primary = (ws: Workspace, id: string) => ws.collection('contacts').get(id)?.primary === true;

describe('customer writes (store/customers)', () => {
  it('making a contact primary clears the customer\'s other primary, not another customer\'s', () => {
    const ws = workspace();
    makePrimaryContact(ws, 'c1', 'k2');
    expect([primary(ws, 'k1'), primary(ws, 'k2'), primary(ws, 'k3')]).toEqual([false, true, true]);
  });

  it('assigning many customers is one transaction; reclaiming clears the owner', () => {
    const ws = workspace();
    let transactions = 0;
    ws.doc.on('afterTransaction', () => transactions++);
    expect(assignCustomers(ws, ['c1', 'c2'], ws.actorId)).toBe(2);
    expect(transactions).toBe(1);
    expect(ws.collection('customers').get('c2')?.ownerId).toBe(ws.actorId);
    assignCustomers(ws, ['c1'], undefined);
    expect(ws.collection('customers').get('c1')).not.toHaveProperty('ownerId');
  });

  it('a customer brought back from the bin comes with its contacts and is no longer a merged duplicate', () => {
    const ws = workspace();
    ws.transact(() => ws.collection('customers').update('c2', { mergedInto: 'c1' }));
    moveToBin(ws, 'customers', ['c2']);
    expect(ws.collection('contacts').get('k3')?.deleted).toBe(true);
    restoreFromBin(ws, 'customers', 'c2');
    expect(ws.collection('customers').get('c2')).not.toHaveProperty('mergedInto');
    expect(ws.collection('contacts').get('k3')?.deleted).toBe(false);
  });

  it('记一笔 writes a note through the save path: text required, the way a 联系方式 code, and it follows its customer to the bin', () => {
    const ws = workspace();
    const ok = addCustomerNote(ws, { customerId: 'c1', text: ' 电话确认了需求 ', way: 'phone' }, 'rep');
    expect(ok.ok).toBe(true);
    const note = ws.collection('customerNotes').live()[0];
    expect(note).toMatchObject({ customerId: 'c1', text: '电话确认了需求', way: 'phone', createdBy: ws.actorId });
    expect(addCustomerNote(ws, { customerId: 'c1', text: '  ' }).ok).toBe(false);
    expect(addCustomerNote(ws, { customerId: 'c1', text: 'x', way: 'telepathy' }).ok).toBe(false);
    expect(ws.collection('customerNotes').live()).toHaveLength(1);
    moveToBin(ws, 'customers', ['c1']);
    expect(ws.collection('customerNotes').live()).toHaveLength(0);
  });
});
