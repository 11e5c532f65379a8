import { describe, expect, it } from 'vitest';
import { ENTITIES } from '../registry';
import type { EntityDef } from './entity';
import { childRelations, countShown, idsIn, owningRelation, planDelete, planPurge, planRestore, type CascadeReader } from './cascade';
import type { Values } from './read';

type Data = Record<string, Values[]>;

const rec = (id: string, extra: Record<string, unknown> = {}): Values => ({ id, ...extra });

function reader(data: Data): CascadeReader {
  return {
    get: (entity, id) => (data[entity] ?? []).find((r) => r.id === id),
    referring: (entity, field, id) => (data[entity] ?? []).filter((r) => r[field] === id),
  };
}

/** SPEC G's cascades, now read from the definitions' `parent` relations (they were a sales-only planner). */
describe('the cascade over the product definitions', () => {
  const data: Data = {
    opportunities: [rec('o1'), rec('o2')],
    contactRecords: [rec('cr1', { opportunityId: 'o1' }), rec('cr2', { opportunityId: 'o1' }), rec('cr3', { opportunityId: 'o2' }),
      rec('cr4', { opportunityId: 'o1', deleted: true })],
    projects: [rec('p1', { opportunityId: 'o1' })],
    maintenanceRecords: [rec('m1', { projectId: 'p1' }), rec('m2', { projectId: 'p1' })],
    quotes: [
      rec('q-cr1', { contactRecordId: 'cr1', opportunityId: 'o1' }),
      rec('q-cr3', { contactRecordId: 'cr3', opportunityId: 'o2' }),
      rec('q-o1', { opportunityId: 'o1' }), // standalone quote of the opportunity
      rec('q-m1', { maintenanceRecordId: 'm1', projectId: 'p1', opportunityId: 'o1' }),
      rec('q-p1', { projectId: 'p1' }),
      rec('q-old', { contactRecordId: 'cr2', deleted: true }),
    ],
    quoteLines: [rec('q-cr1.L0', { quoteId: 'q-cr1' }), rec('l2', { quoteId: 'q-o1' }), rec('l3', { quoteId: 'q-o1', deleted: true })],
    quoteSteps: [rec('s1', { quoteId: 'q-o1' })],
  };
  const read = reader(data);
  const plan = (entity: string, ids: string[]) => planDelete(ENTITIES, entity, ids, read);

  it('a quote belongs to the first parent it names: record, then maintenance record, project, opportunity', () => {
    expect(owningRelation(ENTITIES.quotes, data.quotes[0])?.entity).toBe('contactRecords');
    expect(owningRelation(ENTITIES.quotes, data.quotes[3])?.entity).toBe('maintenanceRecords');
    expect(owningRelation(ENTITIES.quotes, data.quotes[4])?.entity).toBe('projects');
    expect(owningRelation(ENTITIES.quotes, data.quotes[2])?.entity).toBe('opportunities');
    expect(owningRelation(ENTITIES.quotes, rec('x'))).toBeNull();
    expect(childRelations(ENTITIES, 'quotes').map((r) => r.child)).toEqual(['quoteLines', 'quoteSteps']);
    expect(childRelations(ENTITIES, 'customers').map((r) => `${r.child}.${r.field}:${r.onDelete}`)).toEqual(['contacts.customerId:cascade', 'customerNotes.customerId:cascade', 'orders.customerId:block', 'contracts.customerId:block']);
  });

  it('contact record → its quote (and the quote\'s lines)', () => {
    const p = plan('contactRecords', ['cr1']);
    expect(p.records).toEqual([
      { entity: 'contactRecords', id: 'cr1' },
      { entity: 'quotes', id: 'q-cr1', with: 'cr1' },
      { entity: 'quoteLines', id: 'q-cr1.L0', with: 'q-cr1' },
    ]);
    expect(p.blocks).toEqual([]);
    expect(countShown(ENTITIES, p.records)).toBe(2);
  });

  it('opportunity → its contact records, their quotes and its own quotes with their rows, NOT the project', () => {
    const p = plan('opportunities', ['o1']);
    expect(idsIn(p.records, 'contactRecords')).toEqual(['cr1', 'cr2']);
    expect(idsIn(p.records, 'quotes').sort()).toEqual(['q-cr1', 'q-o1']);
    expect(idsIn(p.records, 'projects')).toEqual([]);
    expect(idsIn(p.records, 'quoteLines').sort()).toEqual(['l2', 'q-cr1.L0']); // l3 was taken out of the quote before
    expect(idsIn(p.records, 'quoteSteps')).toEqual(['s1']);
    expect(countShown(ENTITIES, p.records)).toBe(5);
    // each goes with its own parent: restoring that parent brings it back
    expect(p.records.find((r) => r.id === 'q-cr1')?.with).toBe('cr1');
    expect(p.records.find((r) => r.id === 'q-o1')?.with).toBe('o1');
  });

  it('project → its maintenance records and their quotes; several at once; a record already in the bin plans nothing', () => {
    expect(idsIn(plan('projects', ['p1']).records, 'quotes').sort()).toEqual(['q-m1', 'q-p1']);
    expect(idsIn(plan('projects', ['p1']).records, 'maintenanceRecords')).toEqual(['m1', 'm2']);
    expect(idsIn(plan('maintenanceRecords', ['m1']).records, 'quotes')).toEqual(['q-m1']);
    expect(idsIn(plan('opportunities', ['o1', 'o2']).records, 'quotes').sort()).toEqual(['q-cr1', 'q-cr3', 'q-o1']);
    expect(plan('contactRecords', ['cr4']).records).toEqual([]);
    expect(planDelete(ENTITIES, 'contactRecords', ['cr4'], read, { rootsInBin: true }).records).toEqual([{ entity: 'contactRecords', id: 'cr4' }]);
  });

  it('restore brings back exactly what went with the record; purge takes every child whatever its state', () => {
    const binned: Data = {
      quotes: [rec('q', { deleted: true })],
      quoteLines: [
        rec('a', { quoteId: 'q', deleted: true, deletedWith: 'q' }),
        rec('b', { quoteId: 'q', deleted: true }), // taken out of the quote before: stays out
        rec('c', { quoteId: 'q' }), // added on another device meanwhile: live already
      ],
    };
    expect(planRestore(ENTITIES, 'quotes', 'q', reader(binned))).toEqual([{ entity: 'quotes', id: 'q' }, { entity: 'quoteLines', id: 'a', with: 'q' }]);
    expect(idsIn(planPurge(ENTITIES, 'quotes', 'q', reader(binned)).records, 'quoteLines')).toEqual(['a', 'b', 'c']);
  });
});

describe('block and detach', () => {
  const defs: Record<string, EntityDef> = {
    folders: { key: 'folders', module: 'x', label: { zh: '文件夹', en: 'Folders' }, titleField: 'name', fields: [] },
    notes: { key: 'notes', module: 'x', label: { zh: '笔记', en: 'Notes' }, titleField: 'name', fields: [],
      parent: { entity: 'folders', field: 'folderId', onDelete: 'block' } },
    tags: { key: 'tags', module: 'x', label: { zh: '标签', en: 'Tags' }, titleField: 'name', fields: [],
      parent: { entity: 'folders', field: 'folderId', onDelete: 'detach' } },
  };

  it('block refuses while live children exist, with the reason in both languages', () => {
    const data = reader({ folders: [rec('f')], notes: [rec('n1', { folderId: 'f' }), rec('n2', { folderId: 'f' }), rec('n3', { folderId: 'f', deleted: true })] });
    const p = planDelete(defs, 'folders', ['f'], data);
    expect(p.blocks).toHaveLength(1);
    expect(p.blocks[0]).toMatchObject({ entity: 'folders', id: 'f', child: 'notes', count: 2 });
    expect(p.blocks[0].message.zh).toBe('该文件夹下还有 2 条笔记,请先处理后再删除');
    expect(p.blocks[0].message.en).toContain('2 of Notes');
    expect(planDelete(defs, 'folders', ['f'], reader({ folders: [rec('f')], notes: [rec('n3', { folderId: 'f', deleted: true })] })).blocks).toEqual([]);
  });

  it('detach clears the child\'s reference and leaves it where it is', () => {
    const p = planDelete(defs, 'folders', ['f'], reader({ folders: [rec('f')], tags: [rec('t1', { folderId: 'f' })] }));
    expect(p.records).toEqual([{ entity: 'folders', id: 'f' }]);
    expect(p.detach).toEqual([{ entity: 'tags', id: 't1', field: 'folderId' }]);
  });
});
