/**
 * Seeded randomness and calendar arithmetic for the sample generators.
 *
 * Everything here is pure: the same seed gives the same sequence on every device and every run
 * (no Math.random, no Date.now). Dates are whole days counted from 1970-01-01 (UTC, no time
 * zone), formatted as 'YYYY-MM-DD'.
 */

/** A seeded pseudo-random source (mulberry32: 32-bit state, fast, good enough for fake data). */
export class Rng {
  private s: number;

  constructor(seed: number) {
    // Mix the seed so that 1, 2, 3… start from unrelated states.
    let h = (seed | 0) ^ 0x9e3779b9;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    this.s = (h ^ (h >>> 16)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [lo, hi] (both included). */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** An item drawn by weight (see `weighted`). */
  draw<T>(w: Weighted<T>): T {
    const x = this.next() * w.total;
    const cum = w.cum;
    let i = 0;
    while (cum[i] <= x) i++;
    return w.items[i];
  }
}

/** Items with cumulative weights, prepared once so drawing is a short scan. */
export interface Weighted<T> { items: T[]; cum: number[]; total: number }

export function weighted<T>(pairs: ReadonlyArray<readonly [T, number]>): Weighted<T> {
  const items: T[] = [];
  const cum: number[] = [];
  let total = 0;
  for (const [item, w] of pairs) {
    if (w <= 0) continue;
    total += w;
    items.push(item);
    cum.push(total);
  }
  return { items, cum, total };
}

// Calendar -------------------------------------------------------------------------------------

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws on anything else. */
export function dayNumber(s: string): number {
  const m = DAY_RE.exec(s);
  if (!m) throw new Error(`sample: not a date (YYYY-MM-DD): ${s}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const n = ms / 86400000;
  if (dayString(n) !== s) throw new Error(`sample: not a calendar date: ${s}`);
  return n;
}

/** 'YYYY-MM-DD' of a day number (proleptic Gregorian, H. Hinnant's civil_from_days). */
export function dayString(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Formats day numbers relative to a reference day, caching each string: a dataset of 190,000
 * records uses a few thousand distinct dates, so each is built once.
 */
export class Days {
  readonly today: number;
  private readonly cache = new Map<number, string>();

  constructor(today: string) {
    this.today = dayNumber(today);
  }

  /** The date `offset` days from the reference day (negative = in the past). */
  at(offset: number): string {
    const n = this.today + offset;
    let s = this.cache.get(n);
    if (s === undefined) { s = dayString(n); this.cache.set(n, s); }
    return s;
  }
}

/** Zero-padded number, e.g. pad(7, 4) = '0007'. */
export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Width of the numeric part of ids/codes for `count` items (at least `min`). */
export function widthFor(count: number, min: number): number {
  return Math.max(min, String(Math.max(count, 1)).length);
}

/**
 * A bijection of [0, n): i → (i·a + b) mod n with a coprime to n. Used to hand out distinct
 * phone numbers without keeping a set of the ones already used.
 */
export function permutation(n: number, rng: Rng): (i: number) => number {
  const primes = [7919, 104729, 1299709, 15485863, 32452843, 49979687];
  let a = primes[rng.int(primes.length)];
  while (gcd(a, n) !== 1) a += 2;
  const b = rng.int(n);
  // i·a can exceed 2^53 for large n and a; keep the product exact with modular steps.
  return (i) => (mulMod(i, a, n) + b) % n;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

function mulMod(x: number, y: number, n: number): number {
  const p = x * y;
  if (Number.isSafeInteger(p)) return p % n;
  return Number((BigInt(x) * BigInt(y)) % BigInt(n));
}

const DAY_MS = 86_400_000;
/** China time is UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MIN = 8 * 60;

/** Epoch ms of `off` days from the reference day at `min` minutes past midnight, China time (no clock read). */
export function instantAt(days: Days, off: number, min: number): number {
  return (days.today + off) * DAY_MS + (min - CHINA_OFFSET_MIN) * 60_000;
}

/** 'YYYY-MM' of the month `delta` months after the reference day's month. */
export function monthAt(days: Days, delta: number): string {
  const [y, m] = days.at(0).split('-').map(Number);
  const k = y * 12 + (m - 1) + delta;
  return `${Math.floor(k / 12)}-${pad((k % 12) + 1, 2)}`;
}

/** `k` day offsets in [lo, hi], ascending (repeats allowed when the span is shorter than k). */
export function sortedOffsets(rng: Rng, k: number, lo: number, hi: number): number[] {
  const out = Array.from({ length: k }, () => rng.range(lo, Math.max(lo, hi)));
  return out.sort((a, b) => a - b);
}
