import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import { checkPin, hasPin, setPin } from './pin';
import { localDb } from '../core/local-db';
import { pinProblem } from '../../domain/org/pin';

describe('local PIN', () => {
  it('accepts 4 to 8 digits typed twice the same', () => {
    expect(pinProblem('12a4', '12a4')).toBe('pin.format');
    expect(pinProblem('123', '123')).toBe('pin.format');
    expect(pinProblem('123456789', '123456789')).toBe('pin.format');
    expect(pinProblem('1234', '1235')).toBe('pin.mismatch');
    expect(pinProblem('20261124', '20261124')).toBeNull();
  });

  it('stores a salted hash, checks it, and can be removed', async () => {
    expect(await hasPin('w1', 'u1')).toBe(false);
    expect(await checkPin('w1', 'u1', 'anything')).toBe(true);
    await setPin('w1', 'u1', '2468');
    expect(await hasPin('w1', 'u1')).toBe(true);
    expect(await hasPin('w1', 'u2')).toBe(false);
    expect(await checkPin('w1', 'u1', '2468')).toBe(true);
    expect(await checkPin('w1', 'u1', '1357')).toBe(false);
    const row = await localDb().settings.get('pin:w1:u1');
    expect(JSON.stringify(row)).not.toContain('2468');
    await setPin('w1', 'u1', '');
    expect(await hasPin('w1', 'u1')).toBe(false);
  });
});
