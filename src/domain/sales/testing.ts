import type { BaseRecord } from '../core/record';

/**
 * Test helper (not part of the public API): a stored record with system fields filled in.
 * `createdAt` increases with every call so creation order is the call order unless given.
 */
let clock = 1_700_000_000_000;

export function rec(id: string, values: Record<string, unknown> = {}): BaseRecord {
  clock += 1000;
  const createdAt = typeof values.createdAt === 'number' ? values.createdAt : clock;
  return {
    createdAt, createdBy: 'u-test', updatedAt: createdAt, updatedBy: 'u-test', _c: [createdAt, 1],
    ...values, id,
  } as BaseRecord;
}
