import { describe, expect, it } from 'vitest';
import { inputQuiet, watchInput } from './input-quiet';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('waiting for a pause in the user\'s input', () => {
  const target = new EventTarget();
  watchInput(target);

  it('answers at once when nobody typed lately', async () => {
    await sleep(120);
    const t0 = performance.now();
    await inputQuiet(100);
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('waits while keystrokes keep coming, and goes on once they pause', async () => {
    target.dispatchEvent(new Event('keydown'));
    const t0 = performance.now();
    let done = 0;
    const waiting = inputQuiet(100, 5000).then(() => { done = performance.now() - t0; });
    for (let i = 0; i < 6; i++) { target.dispatchEvent(new Event('keydown')); await sleep(40); }
    expect(done).toBe(0);
    await waiting;
    expect(done).toBeGreaterThanOrEqual(5 * 40 + 90); // the last keystroke, then the pause
  });

  it('never waits past its limit', async () => {
    target.dispatchEvent(new Event('input'));
    const t0 = performance.now();
    const typing = setInterval(() => target.dispatchEvent(new Event('input')), 20);
    await inputQuiet(100, 300);
    clearInterval(typing);
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(600);
  });
});
