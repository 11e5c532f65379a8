/**
 * When the user last typed, clicked, scrolled or touched: background work that would hold the
 * main thread for long (a workspace's later groups loading, store/core/workspace.ts) waits for a
 * pause in it, so the first keystrokes in a list's find are answered at once.
 */
let lastInput = -Infinity;
const note = () => { lastInput = performance.now(); };

/** Start noting input (once, at start-up). */
export function watchInput(target: EventTarget = window): void {
  for (const type of ['keydown', 'input', 'pointerdown', 'wheel', 'touchstart']) target.addEventListener(type, note, { capture: true, passive: true });
}

/**
 * Resolves once no input came for `quietMs`, or after `atMostMs` whatever happens (the work is
 * postponed, never starved by someone typing on and on).
 */
export function inputQuiet(quietMs = 400, atMostMs = 5000): Promise<void> {
  const start = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      if (now - lastInput >= quietMs || now - start >= atMostMs) return resolve();
      setTimeout(check, Math.min(quietMs - (now - lastInput), atMostMs - (now - start)) + 1);
    };
    check();
  });
}
