import type { Stamp } from '../../domain/core/record';

/**
 * How far ahead of this device's own time a peer's stamp may pull its clock. A tablet whose date
 * is a year ahead (or a hostile peer) must not drag every device's stamps into the future.
 */
export const MAX_SKEW_MS = 10 * 60_000;

/**
 * A hybrid logical clock: wall time, but never going backwards and after the stamps this device
 * has seen from its peers (up to MAX_SKEW_MS ahead of its own time), so a later edit wins even if
 * this device's clock lags a little.
 */
export class Clock {
  private last = 0;
  /** The writer's Yjs client id, read at each stamp: Yjs gives a document a new one if a peer used the same. */
  constructor(private readonly clientId: number | (() => number)) {}

  now(): Stamp {
    this.last = Math.max(Date.now(), this.last + 1);
    return [this.last, this.id()];
  }

  /**
   * A stamp later than `seen` (the latest stamp on the record being edited), so this edit wins
   * over everything it replaces — also over a stamp from the future, which therefore never makes
   * a field uneditable. The clock itself moves at most MAX_SKEW_MS ahead of this device's time.
   */
  after(seen: Stamp): Stamp {
    this.observe(seen);
    const own = this.now();
    return own[0] > seen[0] ? own : [seen[0] + 1, own[1]];
  }

  observe(stamp: Stamp | undefined): void {
    const cap = Date.now() + MAX_SKEW_MS;
    if (stamp && Number.isSafeInteger(stamp[0]) && stamp[0] > this.last) this.last = Math.min(stamp[0], cap);
  }

  private id(): number {
    return typeof this.clientId === 'function' ? this.clientId() : this.clientId;
  }
}

/**
 * A record time as shown: a time further ahead than MAX_SKEW_MS (a device whose clock runs
 * ahead, or a hostile one) is shown at that bound (record pages say which fields carry one).
 */
export function shownTime(ms: number, now = Date.now()): number {
  return Math.min(ms, now + MAX_SKEW_MS);
}
