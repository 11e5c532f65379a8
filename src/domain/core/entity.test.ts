import { describe, expect, it } from 'vitest';
import { displayName } from './entity';
import { ENTITIES } from '../registry';

describe('displayName', () => {
  it('names a record by its entity’s title field', () => {
    expect(displayName(ENTITIES.opportunities, { subject: '机床改造', name: 'x' })).toBe('机床改造');
    expect(displayName(ENTITIES.quotes, { code: 'BJ-001' })).toBe('BJ-001');
    expect(displayName(ENTITIES.customers, { name: '华东机械' })).toBe('华东机械');
  });
  it('names nothing for a missing record or a value of the wrong type', () => {
    expect(displayName(ENTITIES.customers, undefined)).toBe('');
    expect(displayName(ENTITIES.customers, { name: { toString: 1 } })).toBe('');
    expect(displayName(ENTITIES.customers, { name: ['a'] })).toBe('');
  });
});
