import { describe, expect, it } from 'vitest';
import { BASE_DICTIONARIES } from '../core/dictionaries';
import { validate } from '../core/validate';
import { MODULES } from '../org/modules';
import {
  SALES_DICTIONARIES, SALES_ENTITIES, isReadOnlyField, opportunitiesDef, quoteLinesDef, quoteStepsDef, quotesDef, type SalesFieldDef,
} from './entities';
import { ACTIVITY_STATUSES, DISCOUNT_KINDS, OPPORTUNITY_STATUSES, QUOTE_STATUSES } from './types';

/** Entities of other modules the sales entities may refer to. */
const OTHER_ENTITIES = ['customers', 'contacts', 'competitors', 'users', 'departments', 'roles', 'marketActivities'];

describe('sales entity definitions', () => {
  const entityKeys = new Set([...SALES_ENTITIES.map((d) => d.key), ...OTHER_ENTITIES]);
  const dicts = new Set([...SALES_DICTIONARIES, ...BASE_DICTIONARIES].map((d) => d.dict));
  const allFields = (d: (typeof SALES_ENTITIES)[number]): SalesFieldDef[] => d.fields;

  it('every entity is well formed: module, title field, unique keys, zh/en labels, known refs and dictionaries', () => {
    for (const def of SALES_ENTITIES) {
      expect(MODULES.map((m) => m.key)).toContain(def.module);
      expect(def.module).toBe(['products', 'discounts'].includes(def.key) ? 'products' : 'sales');
      expect(def.fields.map((f) => f.key)).toContain(def.titleField);
      expect(new Set(def.fields.map((f) => f.key)).size).toBe(def.fields.length);
      for (const f of allFields(def)) {
        expect(f.label.zh && f.label.en, `${def.key}.${f.key}`).toBeTruthy();
        if (f.type === 'ref') expect(entityKeys.has(f.ref ?? ''), `${def.key}.${f.key} → ${f.ref}`).toBe(true);
        if (f.type === 'dict') expect(dicts.has(f.dict ?? ''), `${def.key}.${f.key} → ${f.dict}`).toBe(true);
      }
      for (const n of def.nested ?? []) if (n.ref) expect(entityKeys.has(n.ref)).toBe(true);
    }
  });

  it('covers the entities of the brief', () => {
    expect(SALES_ENTITIES.map((d) => d.key).sort()).toEqual([
      'activities', 'contactRecords', 'discounts', 'leads', 'maintenanceRecords', 'opportunities', 'products',
      'projects', 'quoteLines', 'quoteSteps', 'quotes', 'salesModes', 'salesPlans', 'salesStages',
    ]);
  });

  it('fixed dictionaries hold exactly the codes the program uses', () => {
    const codes = (d: string) => SALES_DICTIONARIES.find((x) => x.dict === d)!.options.map((o) => o.code);
    expect(codes('opportunityStatus')).toEqual([...OPPORTUNITY_STATUSES]);
    expect(codes('quoteStatus')).toEqual([...QUOTE_STATUSES]);
    expect(codes('discountKind')).toEqual([...DISCOUNT_KINDS]);
    expect(codes('activityStatus')).toEqual([...ACTIVITY_STATUSES]);
  });

  it('marks workflow and derived fields read-only; quote lines and steps are child rows of the quote', () => {
    expect(isReadOnlyField(opportunitiesDef, 'amount')).toBe(true);
    expect(isReadOnlyField(opportunitiesDef, 'status')).toBe(true);
    expect(isReadOnlyField(opportunitiesDef, 'stageId')).toBe(false); // back-filled but still editable
    expect(quotesDef.nested).toBeUndefined();
    expect(quoteLinesDef.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['quoteId', 'seq', 'productId', 'quantity', 'unitPrice', 'rate']));
    for (const d of [quoteLinesDef, quoteStepsDef]) {
      expect(d.parent).toEqual({ entity: 'quotes', field: 'quoteId', onDelete: 'cascade' });
      expect(d.embedded).toBe(true);
    }
  });

  it('works with the generic validator', () => {
    const errors = validate(opportunitiesDef, { subject: '', customerId: 'c1', ownerId: 'u1', rate: 130 });
    expect(Object.keys(errors).sort()).toEqual(['rate', 'subject']);
  });
});
