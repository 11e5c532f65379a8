import { describe, expect, it } from 'vitest';
import { guardUnload } from './unload';

/** Node's Event has no settable returnValue; a browser's BeforeUnloadEvent has. */
class BeforeUnload extends Event { returnValue = false; }
const unload = (target: EventTarget) => {
  const e = new BeforeUnload('beforeunload', { cancelable: true });
  target.dispatchEvent(e);
  return e.defaultPrevented;
};

describe('unload guard', () => {
  it('asks before unloading only while writes are pending, and is removed with its workspace', () => {
    const target = new EventTarget();
    const ws = { pendingWrites: 0 };
    const off = guardUnload(ws, target);
    expect(unload(target)).toBe(false);
    ws.pendingWrites = 2;
    expect(unload(target)).toBe(true);
    ws.pendingWrites = 0;
    expect(unload(target)).toBe(false);
    ws.pendingWrites = 1;
    off();
    expect(unload(target)).toBe(false);
  });
});
