/**
 * The company-scale workspace across two sync server instances behind Redis (issue 17, item 4):
 * `SCENARIO=company npm run bench:server` and e2e/server-company.e2e.ts.
 *
 * The workspace is the bench's company dataset (DESIGN.md: 20,000 customers, 50,000 contacts,
 * 20,000 opportunities, 100,000 activities, 20,000 service records; src/domain/sample
 * benchDataset) loaded into a new workspace as the app loads it, split into its document groups
 * (core, activities, service, orders), each one Hocuspocus document. Then:
 *  1. a colleague's device is online on instance 2 (empty, every group open there);
 *  2. the administrator's device pushes the whole workspace through instance 1: every group
 *     crosses to instance 2 through Redis — each as one Yjs update of up to ~36 MB, over Redis's
 *     default pub/sub output-buffer limit (32 MB hard), which server/redis.conf raises;
 *  3. a fresh device connects to instance 2 and loads every group.
 * Every client is the app's own server provider (store/sync/hocuspocus.ts, with its message
 * guards), one provider per group on one socket, into a Workspace as the app opens it; a group
 * counts as arrived when every collection holds as many records as the pushed workspace, not
 * when the provider says "synced".
 */
import * as Y from 'yjs';
import { cpus, loadavg } from 'node:os';
import { benchDataset } from '../src/domain/sample';
import { ALL_COLLECTIONS, GROUP_OF } from '../src/domain/registry';
import { Workspace } from '../src/store/core/workspace';
import { seedWorkspace } from '../src/store/org/setup';
import { loadDataset } from '../src/store/sample/load';
import { GuardedHocuspocus } from '../src/store/sync/hocuspocus';
import { generateWorkspaceKey, issueToken } from '../src/store/sync/token';
import { sleep, startCluster, usage, type Cluster } from './cluster';
import { ServerDevice, docName } from './device';

/** DESIGN.md: a fresh peer receives a company-scale workspace in ≤ 10 s. */
export const JOIN_BUDGET_MS = 10_000;

/** Records per document group and collection, e.g. { activities: { activities: 100000 } }. */
export type Counts = Record<string, Record<string, number>>;

export interface CompanyWorkspace {
  room: string;
  /** Each group's Hocuspocus document name and its whole state as one update. */
  docs: { group: string; name: string; update: Uint8Array }[];
  counts: Counts;
  records: number;
  generateMs: number;
}

function countsOf(ws: Workspace): Counts {
  const out: Counts = {};
  for (const c of ALL_COLLECTIONS) {
    const n = ws.collection(c).size;
    if (n) (out[GROUP_OF[c]] ??= {})[c] = n;
  }
  return out;
}

/** Records still missing from `have` against `want` (0 when complete). */
export function missing(want: Counts, have: Counts): number {
  let n = 0;
  for (const [g, cols] of Object.entries(want)) for (const [c, k] of Object.entries(cols)) n += Math.max(0, k - (have[g]?.[c] ?? 0));
  return n;
}

/** The company workspace as the app would hold it after loading the bench dataset (~13 s of CPU). */
export function companyWorkspace(room = 'keyuan-company'): CompanyWorkspace {
  const t0 = Date.now();
  const ws = new Workspace('company');
  seedWorkspace(ws, '华东机械集团', '王总');
  loadDataset(ws, benchDataset('company'));
  const counts = countsOf(ws);
  const docs = [...ws.docs].map(([group, doc]) => ({ group, name: docName(room, group), update: Y.encodeStateAsUpdate(doc) }));
  ws.bridge.active = false;
  for (const d of ws.docs.values()) d.destroy();
  const records = Object.values(counts).reduce((n, cols) => n + Object.values(cols).reduce((a, b) => a + b, 0), 0);
  return { room, docs, counts, records, generateMs: Date.now() - t0 };
}

/** Poll until `done` (every 50 ms) or the time is up; the milliseconds it took, or null. */
async function until(done: () => boolean, timeoutMs: number): Promise<number | null> {
  const t0 = Date.now();
  while (!done()) {
    if (Date.now() - t0 > timeoutMs) return null;
    await sleep(50);
  }
  return Date.now() - t0;
}

export interface CompanyResult {
  records: number;
  bytes: Record<string, number>;
  /** Push through instance 1 until the colleague on instance 2 has every record (through Redis). */
  crossMs: number | null;
  crossMissing: number;
  /** The fresh device on instance 2: every provider synced, and every record there. */
  freshSyncedMs: number | null;
  freshCompleteMs: number | null;
  freshMissing: number;
  freshBytes: number;
  /** CPU seconds spent while the fresh client loaded: by the client (this process) and by each instance. */
  freshCpu: { client: number; instances: number[] };
  /** Whether Redis cut a subscriber off (output-buffer limit). */
  redisCutOff: boolean;
  rejected: string[];
  instances: { cpuSeconds: number; rssMb: number; peakMb: number }[];
}

/** Only some groups of the workspace (the negative control pushes the core document alone). */
export function onlyGroups(company: CompanyWorkspace, groups: string[]): CompanyWorkspace {
  const counts = Object.fromEntries(Object.entries(company.counts).filter(([g]) => groups.includes(g)));
  const records = Object.values(counts).reduce((n, cols) => n + Object.values(cols).reduce((a, b) => a + b, 0), 0);
  return { ...company, docs: company.docs.filter((d) => groups.includes(d.group)), counts, records };
}

/**
 * Run the scenario on a cluster (started here unless given). `waitMs` bounds each wait: past
 * it the result says what was still missing.
 */
export async function companyAcrossInstances(company: CompanyWorkspace, opts: { cluster?: Cluster; waitMs?: number; fresh?: boolean; log?: (s: string) => void } = {}): Promise<CompanyResult> {
  const log = opts.log ?? (() => undefined);
  const missingOn = (d: ServerDevice) => missing(company.counts, countsOf(d.ws));
  const waitMs = opts.waitMs ?? 60_000;
  const cluster = opts.cluster ?? await startCluster(2);
  const devices: ServerDevice[] = [];
  const pushDocs: Y.Doc[] = [];
  const pushers: GuardedHocuspocus[] = [];
  try {
    const [one, two] = cluster.urls;
    const key = await generateWorkspaceKey();
    const token = await issueToken(key.privateJwk, { room: company.room, userId: 'u-admin', name: '王总', admin: true });
    const before = cluster.servers.map((p) => usage(p.pid!).cpu);
    const colleague = new ServerDevice(two, company.room, token);
    devices.push(colleague);
    if ((await until(() => colleague.hp.state.synced, waitMs)) === null) throw new Error('the colleague on instance 2 never synced');
    log('colleague online on instance 2');

    // the administrator's device holds the whole workspace and connects to instance 1
    const admin = new GuardedHocuspocus({ url: one, room: company.room, token, change: () => undefined, rejected: () => undefined });
    pushers.push(admin);
    for (const d of company.docs) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, d.update);
      pushDocs.push(doc);
      admin.add(doc, d.name);
    }
    // a subscriber Redis cut off never gets the lost message again (pub/sub keeps nothing): stop waiting soon after
    let cutAt = 0;
    const cutOffLongAgo = () => { if (!cutAt && cluster.redisCutOff()) cutAt = Date.now(); return cutAt > 0 && Date.now() - cutAt > 5000; };
    const crossMs = await until(() => missingOn(colleague) === 0 || cutOffLongAgo(), waitMs);
    const crossMissing = missingOn(colleague);
    log(crossMissing ? `the colleague on instance 2 still misses ${crossMissing} records${cutAt ? ' (Redis cut instance 2 off)' : ''}` : `crossed to instance 2 in ${crossMs} ms`);

    let freshSyncedMs: number | null = null, freshCompleteMs: number | null = null, freshMissing = missing(company.counts, {}), freshBytes = 0;
    const freshCpu = { client: 0, instances: cluster.servers.map(() => 0) };
    if (opts.fresh !== false) {
      const cpu0 = process.cpuUsage();
      const servers0 = cluster.servers.map((p) => usage(p.pid!).cpu);
      const fresh = new ServerDevice(two, company.room, token);
      devices.push(fresh);
      const t1 = Date.now();
      const synced = await until(() => fresh.hp.state.synced, waitMs);
      freshSyncedMs = synced === null ? null : Date.now() - t1;
      if (synced !== null && (await until(() => missingOn(fresh) === 0, waitMs)) !== null) freshCompleteMs = Date.now() - t1;
      freshMissing = missingOn(fresh);
      freshBytes = fresh.hp.bytesReceived;
      const cpu = process.cpuUsage(cpu0);
      freshCpu.client = (cpu.user + cpu.system) / 1e6;
      freshCpu.instances = cluster.servers.map((p, i) => usage(p.pid!).cpu - servers0[i]);
      log(freshCompleteMs === null ? `the fresh client on instance 2 still misses ${freshMissing} records` : `fresh client on instance 2 has every record after ${freshCompleteMs} ms`);
    }
    const instances = cluster.servers.map((p, i) => {
      const u = usage(p.pid!);
      return { cpuSeconds: u.cpu - before[i], rssMb: u.rssMb, peakMb: u.peakMb };
    });
    return {
      records: company.records,
      bytes: Object.fromEntries(company.docs.map((d) => [d.group, d.update.byteLength])),
      crossMs: crossMissing ? null : crossMs,
      crossMissing,
      freshSyncedMs,
      freshCompleteMs,
      freshMissing,
      freshBytes,
      freshCpu,
      redisCutOff: cluster.redisCutOff(),
      rejected: devices.flatMap((d) => d.rejected),
      instances,
    };
  } finally {
    for (const d of devices) d.destroy();
    for (const p of pushers) p.destroy();
    for (const d of pushDocs) d.destroy();
    if (!opts.cluster) await cluster.stop();
  }
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** `SCENARIO=company npm run bench:server`: the figures, for docs/SERVER.md and docs/BENCH.md. */
export async function runCompany(): Promise<void> {
  const redisArgs = process.env.REDIS_PUBSUB_LIMIT ? ['--client-output-buffer-limit', `pubsub ${process.env.REDIS_PUBSUB_LIMIT}`] : [];
  console.log('generating the company workspace…');
  const company = companyWorkspace();
  console.log(`  ${company.records} records in ${company.generateMs} ms: ${company.docs.map((d) => `${d.group} ${mb(d.update.byteLength)} MB`).join(', ')}`);
  const cluster = await startCluster(2, { redisArgs });
  const r = await companyAcrossInstances(company, { cluster, waitMs: 300_000, log: (s) => console.log(`  ${s}`) }).finally(() => cluster.stop());
  const ms = (x: number | null) => (x === null ? 'not within the wait' : `${x} ms`);
  console.log(`\ncompany workspace across 2 instances behind Redis${redisArgs.length ? ` (pubsub limit ${process.env.REDIS_PUBSUB_LIMIT})` : ' (server/redis.conf)'}`);
  console.log(`  ${r.records} records, ${mb(Object.values(r.bytes).reduce((a, b) => a + b, 0))} MB in ${Object.keys(r.bytes).length} documents`);
  console.log(`  pushed through instance 1 → colleague on instance 2 has every record: ${ms(r.crossMs)}${r.crossMissing ? `, ${r.crossMissing} records missing` : ''}`);
  console.log(`  fresh client on instance 2: every group synced ${ms(r.freshSyncedMs)}, every record ${ms(r.freshCompleteMs)}${r.freshMissing ? `, ${r.freshMissing} records missing` : ''}, ${mb(r.freshBytes)} MB received (budget ${JOIN_BUDGET_MS} ms)`);
  console.log(`  CPU seconds during the fresh load: client ${r.freshCpu.client.toFixed(1)}, instances ${r.freshCpu.instances.map((c) => c.toFixed(1)).join(', ')}; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
  r.instances.forEach((u, i) => console.log(`  instance ${i + 1}: ${u.cpuSeconds.toFixed(1)} CPU seconds in all, memory ${u.rssMb.toFixed(0)} MB (peak ${u.peakMb.toFixed(0)} MB)`));
  console.log(`  Redis cut a subscriber off: ${r.redisCutOff ? 'yes' : 'no'}`);
  if (r.rejected.length) console.log(`  messages refused by a client: ${r.rejected.join('; ')}`);
}
