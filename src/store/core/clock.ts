import type { Stamp } from '../../domain/core/record';

/**
 * A hybrid logical clock: wall time, but never going backwards and always after every stamp
 * this device has seen from its peers, so a later edit wins even if this device's clock lags.
 */
export class Clock {
  private last = 0;
  /** The writer's Yjs client id, read at each stamp: Yjs gives a document a new one if a peer used the same. */
  constructor(private readonly clientId: number | (() => number)) {}

  now(): Stamp {
    this.last = Math.max(Date.now(), this.last + 1);
    return [this.last, typeof this.clientId === 'function' ? this.clientId() : this.clientId];
  }

  observe(stamp: Stamp | undefined): void {
    // a peer with a clock far ahead (or a hostile one) must not drag ours into the future
    const cap = Date.now() + 86_400_000;
    if (stamp && typeof stamp[0] === 'number' && stamp[0] > this.last) this.last = Math.min(stamp[0], cap);
  }
}
