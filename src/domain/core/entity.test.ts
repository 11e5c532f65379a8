import { describe, expect, it } from 'vitest';
import { displayName } from './entity';
import { ENTITIES } from '../registry';

describe('displayName', () => {
  it('names a record by its entity’s title field', () => {
    expect(displayName(ENTITIES.opportunities, { subject: '机床改造', name: 'x' })).toBe('机床改造');
    expect(displayName(ENTITIES.quotes, { code: 'BJ-001' })).toBe('BJ-001');
    expect(displayName(ENTITIES.customers, { name: '华东机械' })).toBe('华东机械');
  });
  it('in English, by the English title field where the record fills it', () => {
    expect(displayName(ENTITIES.roles, { name: '销售经理', nameEn: 'Sales manager' }, 'en')).toBe('Sales manager');
    expect(displayName(ENTITIES.roles, { name: '销售经理', nameEn: 'Sales manager' }, 'zh')).toBe('销售经理');
    expect(displayName(ENTITIES.roles, { name: '组长', nameEn: ' ' }, 'en')).toBe('组长');
    expect(displayName(ENTITIES.salesStages, { name: '初步接洽', nameEn: 'First contact' }, 'en')).toBe('First contact');
    expect(displayName(ENTITIES.customers, { name: '华东机械' }, 'en')).toBe('华东机械');
  });
  it('names nothing for a missing record or a value of the wrong type', () => {
    expect(displayName(ENTITIES.customers, undefined)).toBe('');
    expect(displayName(ENTITIES.customers, { name: { toString: 1 } })).toBe('');
    expect(displayName(ENTITIES.customers, { name: ['a'] })).toBe('');
  });
});
