import { describe, expect, it } from 'vitest';
import { buildTimeline, filterTimeline, peopleOf, whenOf, type FindRecords, type TimelineSource } from './timeline';

const SOURCES: TimelineSource[] = [
  { kind: 'activities', entity: 'activities', customer: { field: 'customerId' }, when: ['doneDate', 'dueDate'], who: ['ownerId'], accept: (r) => r.kind !== 'task' },
  { kind: 'tasks', entity: 'activities', customer: { field: 'customerId' }, when: ['dueDate'], who: ['ownerId'], accept: (r) => r.kind === 'task' },
  { kind: 'contactRecords', entity: 'contactRecords', customer: { via: { field: 'opportunityId', entity: 'opportunities', customerField: 'customerId' } }, when: ['date'], who: ['ownerId'] },
  { kind: 'orders', entity: 'orders', customer: { field: 'customerId' }, when: ['date'], who: ['ownerId'] },
  { kind: 'customerNotes', entity: 'customerNotes', customer: { field: 'customerId' }, when: [], who: [] },
];

const t = (s: string) => new Date(s).getTime();
const DATA: Record<string, Record<string, unknown>[]> = {
  activities: [
    { id: 'a1', customerId: 'c1', kind: 'call', doneDate: '2024-03-05', ownerId: 'u1' },
    { id: 'a2', customerId: 'c1', kind: 'task', dueDate: '2024-03-07', ownerId: 'u2' },
    { id: 'a3', customerId: 'c2', kind: 'call', doneDate: '2024-03-06', ownerId: 'u1' }, // another customer
    { id: 'a4', customerId: 'c1', kind: 'visit', doneDate: '2024-03-01', ownerId: 'u1', deleted: true }, // in the bin
  ],
  opportunities: [{ id: 'o1', customerId: 'c1' }, { id: 'o2', customerId: 'c2' }],
  contactRecords: [
    { id: 'r1', opportunityId: 'o1', date: '2024-03-02', ownerId: 'u2' },
    { id: 'r2', opportunityId: 'o2', date: '2024-03-03', ownerId: 'u2' },
  ],
  orders: [{ id: 'd1', customerId: 'c1', date: '2024-03-05', ownerId: 'u2' }],
  customerNotes: [{ id: 'n1', customerId: 'c1', createdAt: t('2024-03-05T15:30'), createdBy: 'u3', text: '电话沟通' }],
};
const find: FindRecords = (entity, field, value) => (DATA[entity] ?? []).filter((r) => r[field] === value);

describe('the customer timeline', () => {
  const items = buildTimeline(SOURCES, 'c1', find, [
    { id: 'h1', at: t('2024-03-04T10:00'), by: 'u1', fields: [{ field: 'phone', old: '1', value: '2' }] },
    { id: 'h2', at: t('2024-03-08T10:00'), by: 'u1', fields: [{ field: 'deleted', old: false, value: true }] }, // bin moves are not "changes"
  ]);

  it('gathers the customer\'s records of every kind — through a parent too — newest first, leaving other customers and the bin out', () => {
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      'tasks:a2', 'customerNotes:n1', 'activities:a1', 'orders:d1', 'changes:h1', 'contactRecords:r1',
    ]);
  });

  it('takes the first time-like field, a day at local midnight, else the creation; who from the first person field, else the creator', () => {
    const note = items.find((i) => i.id === 'n1')!;
    expect(note).toMatchObject({ at: t('2024-03-05T15:30'), dateOnly: false, who: 'u3' });
    expect(items.find((i) => i.id === 'a1')).toMatchObject({ at: t('2024-03-05T00:00'), dateOnly: true, who: 'u1' });
    expect(whenOf({ dueDate: 'not a date', createdAt: 5 }, ['dueDate'])).toEqual({ at: 5, dateOnly: false });
    expect(whenOf({ dueDate: { evil: 1 } }, ['dueDate'])).toBeNull();
  });

  it('orders ties the same on every device (same time: by kind, then id)', () => {
    const same = buildTimeline(SOURCES, 'c1', find).filter((i) => i.at === t('2024-03-05T00:00'));
    expect(same.map((i) => i.kind)).toEqual(['activities', 'orders']);
  });

  it('filters by kind, person and day range (both days included)', () => {
    expect(filterTimeline(items, { kinds: new Set(['orders', 'tasks']) }).map((i) => i.id)).toEqual(['a2', 'd1']);
    expect(filterTimeline(items, { who: 'u2' }).map((i) => i.id)).toEqual(['a2', 'd1', 'r1']);
    expect(filterTimeline(items, { from: '2024-03-04', to: '2024-03-05' }).map((i) => i.id)).toEqual(['n1', 'a1', 'd1', 'h1']);
    expect(filterTimeline(items, {})).toHaveLength(items.length);
    expect(peopleOf(items)).toEqual(['u2', 'u3', 'u1']);
  });

  it('an empty customer has an empty timeline', () => {
    expect(buildTimeline(SOURCES, 'nobody', find)).toEqual([]);
  });
});
