import { describe, expect, it } from 'vitest';
import { SERVICE_DICTIONARIES } from './dictionaries';
import { SERVICE_ENTITIES, complaintsDef, isReadOnlyField, serviceRecordsDef } from './entities';

describe('service entity definitions', () => {
  it('every dict field names a default dictionary, every titleField exists', () => {
    const dicts = new Set(SERVICE_DICTIONARIES.map((d) => d.dict));
    for (const def of SERVICE_ENTITIES) {
      expect(def.module).toBe('service');
      expect(def.fields.some((f) => f.key === def.titleField)).toBe(true);
      for (const f of def.fields) if (f.type === 'dict') expect(dicts.has(f.dict!), `${def.key}.${f.key}`).toBe(true);
      for (const f of def.fields) if (f.type === 'ref') expect(f.ref).toBeTruthy();
    }
  });

  it('dictionary codes are unique within each dictionary', () => {
    for (const d of SERVICE_DICTIONARIES) {
      expect(new Set(d.options.map((o) => o.code)).size).toBe(d.options.length);
    }
  });

  it('derived and flow-owned fields are read-only in forms', () => {
    expect(isReadOnlyField(serviceRecordsDef, 'minutesSpent')).toBe(true);
    expect(isReadOnlyField(serviceRecordsDef, 'content')).toBe(false);
    for (const k of ['status', 'handlerId', 'result', 'revisitSatisfaction']) expect(isReadOnlyField(complaintsDef, k)).toBe(true);
  });

  it('contact types include the seed ones', () => {
    const ct = SERVICE_DICTIONARIES.find((d) => d.dict === 'contactType')!;
    expect(ct.options.map((o) => o.label.zh)).toEqual(expect.arrayContaining(['电话', '上门', '邮件', '微信', '其他']));
  });
});
