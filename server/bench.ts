/**
 * Load test of the sync server (npm run bench:server): INSTANCES server processes (behind a
 * Redis started here when more than one), CLIENTS simulated clients spread over DOCS documents
 * and over the instances, each writing RATE edits per second for SECONDS. Every edit carries
 * its send time; every other client of that document records when it arrived. Reports delivery
 * (received / expected), latency median and p99, and each server process's CPU and memory.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { generateWorkspaceKey, issueToken, prove } from '../src/store/sync/token';
import { sleep, startCluster, usage } from './cluster';
import { runCompany } from './company';

const env = (k: string, d: number) => Number(process.env[k] || d);

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

/** `SCENARIO=company`: the company workspace across two instances (server/company.ts); else the edit load below. */
export async function runBench(): Promise<void> {
  if (process.env.SCENARIO === 'company') return runCompany();
  return runEdits();
}

async function runEdits(): Promise<void> {
  const clients = env('CLIENTS', 200), docs = env('DOCS', 10), seconds = env('SECONDS', 20), rate = env('RATE', 1), instances = env('INSTANCES', 2);
  const cluster = await startCluster(instances);
  const { servers, redisUrl } = cluster;
  try {
    const key = await generateWorkspaceKey();
    const room = 'keyuan-bench';
    const token = await issueToken(key.privateJwk, { room, userId: 'bench', name: 'bench', admin: true });
    const names = Array.from({ length: docs }, (_, i) => `${room}.g${i}`);
    const latencies: number[] = [];
    let received = 0;
    const sim = Array.from({ length: clients }, (_, c) => {
      const doc = new Y.Doc();
      const name = names[c % docs];
      // one socket per client, as real devices have; instance by client number
      const socket = new HocuspocusProviderWebsocket({ url: cluster.urls[Math.floor(c / docs) % instances], WebSocketPolyfill: WebSocket as never });
      const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token: () => prove(token, 'server', name) });
      provider.attach();
      const edits = doc.getMap<number>('edits');
      edits.observe((e, tx) => {
        if (tx.local) return;
        const now = Date.now();
        for (const k of e.keysChanged) { received++; latencies.push(now - edits.get(k)!); }
      });
      return { c, name, doc, provider, socket, edits, synced: new Promise<void>((r) => provider.on('synced', () => r())) };
    });
    let ready = 0;
    sim.forEach((s) => void s.synced.then(() => ready++));
    for (let t = 0; ready < clients; t++) {
      if (t > 1200) throw new Error(`only ${ready} of ${clients} clients synced within 120 s`);
      await sleep(100);
    }
    console.log(`${clients} clients synced`);
    const perDoc = new Map<string, number>();
    for (const s of sim) perDoc.set(s.name, (perDoc.get(s.name) ?? 0) + 1);
    const before = servers.map((p) => usage(p.pid!));
    const t0 = Date.now();
    let sent = 0;
    let expected = 0;
    const interval = 1000 / rate;
    // each client writes on its own schedule, spread over the interval
    const timers = sim.map((s) => setTimeout(function tick() {
      if (Date.now() - t0 >= seconds * 1000) return;
      s.edits.set(`${s.c}:${sent}`, Date.now());
      sent++;
      expected += perDoc.get(s.name)! - 1;
      timers[s.c] = setTimeout(tick, interval);
    }, (s.c / clients) * interval));
    await sleep(seconds * 1000);
    // the last edits arrive: wait until nothing more comes for 2 s (at most 60 s)
    for (let last = -1, quiet = 0, t = 0; quiet < 20 && t < 600 && received < expected; t++) {
      if (received === last) quiet++; else { quiet = 0; last = received; }
      await sleep(100);
    }
    timers.forEach((t) => clearTimeout(t));
    const after = servers.map((p) => usage(p.pid!));
    latencies.sort((a, b) => a - b);
    const wall = (Date.now() - t0) / 1000;
    console.log(`\nsync server bench: ${clients} clients, ${docs} documents, ${instances} instance(s)${redisUrl ? ' behind Redis' : ''}, ${rate} edit/s each, ${seconds} s`);
    console.log(`  delivered ${received} of ${expected} (${((100 * received) / Math.max(1, expected)).toFixed(2)} %), ${sent} edits sent`);
    console.log(`  latency median ${quantile(latencies, 0.5)} ms, p99 ${quantile(latencies, 0.99)} ms, max ${latencies.at(-1)} ms`);
    after.forEach((u, i) => console.log(`  instance ${i + 1}: CPU ${((100 * (u.cpu - before[i].cpu)) / wall).toFixed(1)} % of a core, memory ${u.rssMb.toFixed(0)} MB`));
    for (const s of sim) { s.provider.destroy(); s.socket.destroy(); }
  } finally {
    await cluster.stop();
  }
}
