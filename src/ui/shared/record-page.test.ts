import { describe, expect, it } from 'vitest';
import type { BaseRecord } from '../../domain/core/record';
import { recordPageState } from './record-page';

const rec = (v: Partial<BaseRecord> = {}): BaseRecord => ({ id: 'r1', createdAt: 1, createdBy: 'u', updatedAt: 1, updatedBy: 'u', ...v } as BaseRecord);
const inScope = () => false;

describe('recordPageState (every record page opens its record this way)', () => {
  it('shows a live record in scope', () => {
    expect(recordPageState(rec(), inScope)).toBe('found');
  });
  it('says a missing record is missing', () => {
    expect(recordPageState(undefined, inScope)).toBe('missing');
  });
  it('does not show a record in the bin (the customer and complaint pages showed it as if live)', () => {
    expect(recordPageState(rec({ deleted: true }), inScope)).toBe('binned');
  });
  it('says only "outside your data scope" for a record the scope hides, binned or not', () => {
    expect(recordPageState(rec(), () => true)).toBe('outOfScope');
    expect(recordPageState(rec({ deleted: true }), () => true)).toBe('outOfScope');
  });
});
