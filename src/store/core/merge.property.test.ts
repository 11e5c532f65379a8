import { describe, it, expect, vi, afterEach } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { Workspace } from './workspace';
import { compareStamps, fieldStamp, type BaseRecord, type Stamp } from '../../domain/core/record';

/*
 * The merge, checked against random histories: 3–5 in-memory peers with random Yjs client ids
 * make random creates, field edits, clears, moves to the bin and back, and purges, while random
 * one-way deliveries (a whole diff as a relay or a file import does, or single updates out of
 * order) carry them around. At the end everybody exchanges everything, and:
 * - all peers hold the same records;
 * - every field of a record nobody purged holds the last write in causal order: a write that no
 *   later write of that field knew of (of concurrent writes, any one — the same everywhere);
 * - a record is never gone while some write to it was unknown to every purge of it.
 * "Knew of" is what Yjs had integrated at the writer when it wrote (its state vector).
 * The same 2,000 cases on every run (a fixed seed: `npm test` decides, it does not gamble);
 * PROPERTY_SEED=random explores new ones (run it after touching the merge), PROPERTY_RUNS sets how
 * many, and PROPERTY_SEED=<n> PROPERTY_PATH=<p> replay a failure fast-check printed.
 */

const IDS = ['r0', 'r1', 'r2'];
const FIELDS = ['name', 'phone', 'notes'];
const C = 'customers';

type Op =
  | { k: 'create'; p: number; id: number; values: (string | null)[] }
  | { k: 'set'; p: number; id: number; f: number; v: string | null }
  | { k: 'bin'; p: number; id: number; on: boolean }
  | { k: 'purge'; p: number; id: number }
  | { k: 'diff'; from: number; to: number }
  | { k: 'one'; from: number; to: number; n: number };

const value = fc.oneof(fc.constantFrom('a', 'b', 'c', '甲', '乙'), fc.constant(null));
const op = (peers: number): fc.Arbitrary<Op> => {
  const p = fc.nat(peers - 1);
  const id = fc.nat(IDS.length - 1);
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ k: fc.constant('create' as const), p, id, values: fc.array(value, { minLength: FIELDS.length, maxLength: FIELDS.length }) }) },
    { weight: 6, arbitrary: fc.record({ k: fc.constant('set' as const), p, id, f: fc.nat(FIELDS.length - 1), v: value }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('bin' as const), p, id, on: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant('purge' as const), p, id }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('diff' as const), from: p, to: p }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant('one' as const), from: p, to: p, n: fc.nat(40) }) },
  );
};

/** One user write of one field (creation writes every field), and what its writer knew. */
interface Write { n: number; id: string; field: string; value: unknown; stamp: Stamp; client: number; clock: number; knew: Set<number> }
interface Purge { id: string; knew: Set<number> }

class Run {
  peers: Workspace[];
  /** Every update each peer emitted, in order (for out-of-order single deliveries). */
  sent: Uint8Array[][];
  writes: Write[] = [];
  purges: Purge[] = [];

  constructor(clientIds: number[]) {
    this.peers = clientIds.map((cid, i) => {
      const doc = new Y.Doc();
      doc.clientID = cid;
      const ws = new Workspace('t', doc, [C]);
      ws.actorId = `u${i}`;
      return ws;
    });
    this.sent = this.peers.map((ws) => {
      const log: Uint8Array[] = [];
      ws.doc.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') log.push(u); });
      return log;
    });
  }

  /**
   * The writes to one record this peer had integrated, each with everything that write knew: a
   * version carries what its writer knew of that record as data. (Across records there is no
   * such chain: Yjs integrates one record's update without another's it does not depend on.)
   */
  known(p: number, id: string): Set<number> {
    const vec = Y.decodeStateVector(Y.encodeStateVector(this.peers[p].doc));
    const out = new Set<number>();
    for (const w of this.writes) {
      if (w.id === id && (vec.get(w.client) ?? 0) >= w.clock) { out.add(w.n); for (const k of w.knew) out.add(k); }
    }
    return out;
  }

  private record(p: number, id: string, fields: Record<string, unknown>, before: Set<number>): void {
    const doc = this.peers[p].doc;
    const clock = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
    const rec = this.peers[p].collection(C).get(id)!;
    for (const [field, v] of Object.entries(fields)) {
      this.writes.push({ n: this.writes.length, id, field, value: v, stamp: fieldStamp(rec, field), client: doc.clientID, clock, knew: before });
    }
  }

  apply(o: Op): void {
    const ws = (p: number) => this.peers[p % this.peers.length];
    switch (o.k) {
      case 'create': {
        const col = ws(o.p).collection(C);
        const id = IDS[o.id];
        if (col.get(id)) return;
        const before = this.known(o.p % this.peers.length, id);
        const values = Object.fromEntries(FIELDS.map((f, i) => [f, o.values[i] ?? undefined]));
        col.create(values, id);
        // a creation writes the fields it gives a value; the others stay unwritten (concurrent
        // creations of one id keep every field either gave)
        this.record(o.p % this.peers.length, id, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)), before);
        return;
      }
      case 'set':
      case 'bin': {
        const p = o.p % this.peers.length;
        const col = ws(p).collection(C);
        const id = IDS[o.id];
        const old = col.get(id);
        if (!old) return;
        const patch = o.k === 'set' ? { [FIELDS[o.f]]: o.v ?? undefined } : { deleted: o.on };
        const [field, v] = Object.entries(patch)[0];
        if (JSON.stringify(old[field]) === JSON.stringify(v)) return; // no write
        const before = this.known(p, id);
        col.update(id, patch);
        this.record(p, id, patch, before);
        return;
      }
      case 'purge': {
        const p = o.p % this.peers.length;
        const col = ws(p).collection(C);
        const id = IDS[o.id];
        if (!col.get(id)) return;
        this.purges.push({ id, knew: this.known(p, id) });
        col.purge(id);
        return;
      }
      case 'diff': {
        const [a, b] = [o.from % this.peers.length, o.to % this.peers.length];
        if (a !== b) deliver(this.peers[a], this.peers[b]);
        return;
      }
      case 'one': {
        const [a, b] = [o.from % this.peers.length, o.to % this.peers.length];
        const log = this.sent[a];
        if (a !== b && log.length) Y.applyUpdate(this.peers[b].doc, log[o.n % log.length], 'remote');
      }
    }
  }

  /** Everybody exchanges everything until nothing changes (merge write-backs travel too). */
  settle(): void {
    for (let round = 0; round < 10; round++) {
      for (const a of this.peers) for (const b of this.peers) if (a !== b) deliver(a, b);
      const svs = this.peers.map((p) => Buffer.from(Y.encodeStateVector(p.doc)).toString('hex'));
      if (svs.every((s) => s === svs[0])) return;
    }
    throw new Error('peers did not settle');
  }
}

function deliver(from: Workspace, to: Workspace): void {
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'remote');
}

function visible(ws: Workspace): Record<string, BaseRecord> {
  return Object.fromEntries(ws.collection(C).all().map((r) => [r.id, r]));
}

function check(run: Run): void {
  run.settle();
  const states = run.peers.map(visible);
  for (const s of states) expect(s).toEqual(states[0]);
  for (const p of run.peers) expect(p.doc.store.pendingStructs).toBeNull();
  const final = states[0];
  for (const id of IDS) {
    const writes = run.writes.filter((w) => w.id === id);
    const purges = run.purges.filter((x) => x.id === id);
    const rec = final[id];
    // gone only if every write no purge knew of lost anyway, to a later write of its field a purge knew
    const unknown = writes.filter((w) => purges.every((x) => !x.knew.has(w.n)));
    const knownLater = (w: Write) => writes.some((w2) => w2.field === w.field && purges.some((x) => x.knew.has(w2.n)) && compareStamps(w2.stamp, w.stamp) > 0);
    if (!unknown.every(knownLater)) expect(rec, `${id}: a write no purge knew of was lost`).toBeDefined();
    if (!rec || purges.length) continue;
    for (const field of [...FIELDS, 'deleted']) {
      const ws = writes.filter((w) => w.field === field);
      if (!ws.length) continue;
      const superseded = new Set(ws.flatMap((w) => [...w.knew]));
      const last = ws.filter((w) => !superseded.has(w.n));
      const got = rec[field] ?? undefined;
      const norm = (v: unknown) => (field === 'deleted' ? v === true : v ?? undefined);
      expect(last.map((w) => norm(w.value)), `${id}.${field}: ${JSON.stringify(got)} is not a last write; record ${JSON.stringify(rec)}; writes ${JSON.stringify(ws.map((w) => ({ ...w, knew: [...w.knew] })))}`).toContainEqual(norm(got));
    }
  }
}

/** A fixed seed unless PROPERTY_SEED says otherwise ('random': a new one, printed on failure). */
function seedOptions(): { seed?: number; path?: string; endOnFailure?: boolean } {
  const env = process.env.PROPERTY_SEED;
  if (env === 'random') return {};
  if (env) return { seed: Number(env), path: process.env.PROPERTY_PATH, endOnFailure: true };
  return { seed: 20261202 };
}

describe('merge property: random peers, edits and delivery orders', () => {
  afterEach(() => { vi.restoreAllMocks(); });
  it('all peers converge and every field keeps the last write in causal order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 5 }).chain((n) => fc.tuple(
          fc.uniqueArray(fc.integer({ min: 1, max: 2 ** 31 }), { minLength: n, maxLength: n }),
          // each step lets 0–2 ms pass: same-millisecond stamps and every interleaving are reproducible
          fc.array(fc.tuple(op(n), fc.nat(2)), { minLength: 5, maxLength: 40 }),
        )),
        ([clientIds, steps]) => {
          let now = 1_800_000_000_000;
          vi.spyOn(Date, 'now').mockImplementation(() => now);
          const run = new Run(clientIds);
          for (const [o, dt] of steps) { now += dt; run.apply(o); }
          check(run);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 2000), ...seedOptions() },
    );
  }, 300_000);
});
