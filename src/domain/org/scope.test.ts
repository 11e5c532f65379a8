import { describe, expect, it } from 'vitest';
import type { EntityDef } from '../core/entity';
import type { BaseRecord } from '../core/record';
import { competitors, contacts, customers } from '../customers/entities';
import { ownerOf, scopeTest, scoped } from './scope';

const rec = (id: string, v: Record<string, unknown>) => ({ id, ...v }) as unknown as BaseRecord;
const data: Record<string, BaseRecord[]> = {
  customers: [rec('c1', { ownerId: 'u1' }), rec('c2', { ownerId: 'u2' }), rec('c3', {})],
};
const find = (entity: string, id: string) => data[entity]?.find((r) => r.id === id);
const defs: Record<string, EntityDef> = { customers, contacts };
const defOf = (e: string) => defs[e];
const dept: Record<string, string> = { u1: 'd1', u2: 'd2', u3: 'd1' };

describe('data scope', () => {
  it('reads the owner of a record, and of a contact through its customer', () => {
    expect(ownerOf(customers, data.customers[0], find, defOf)).toBe('u1');
    expect(ownerOf(customers, data.customers[2], find, defOf)).toBeUndefined();
    expect(ownerOf(contacts, rec('k1', { customerId: 'c2' }), find, defOf)).toBe('u2');
    expect(ownerOf(contacts, rec('k2', { customerId: 'gone' }), find, defOf)).toBeUndefined();
    expect(ownerOf(contacts, rec('k3', { customerId: { evil: 1 } }), find, defOf)).toBeUndefined();
  });

  it('limits own, department and all scopes; records nobody owns are everyone\'s', () => {
    const me = { id: 'u1', departmentId: 'd1' };
    const own = scopeTest({ scope: 'own' }, me, (u) => dept[u]);
    expect([own('u1'), own('u2'), own('u3'), own(undefined)]).toEqual([true, false, false, true]);
    const department = scopeTest({ scope: 'department' }, me, (u) => dept[u]);
    expect([department('u1'), department('u2'), department('u3')]).toEqual([true, false, true]);
    const all = scopeTest({ scope: 'all' }, me, (u) => dept[u]);
    expect(all('u2')).toBe(true);
    expect(scopeTest({ scope: 'own', admin: true }, me, (u) => dept[u])('u2')).toBe(true);
    expect(scopeTest(undefined, me, (u) => dept[u])('u1')).toBe(false);
  });

  it('knows which entities the scope applies to', () => {
    expect(scoped(customers)).toBe(true);
    expect(scoped(contacts)).toBe(true);
    expect(scoped(competitors)).toBe(false);
  });
});
