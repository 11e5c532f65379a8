/**
 * Load test of the sync server (npm run bench:server): INSTANCES server processes (behind a
 * Redis started here when more than one), CLIENTS simulated clients spread over DOCS documents
 * and over the instances, each writing RATE edits per second for SECONDS. Every edit carries
 * its send time; every other client of that document records when it arrived. Reports delivery
 * (received / expected), latency median and p99, and each server process's CPU and memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { generateWorkspaceKey, issueToken, prove } from '../src/store/sync/token';

const env = (k: string, d: number) => Number(process.env[k] || d);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const up = await new Promise<boolean>((r) => { const c = createConnection(port, '127.0.0.1'); c.on('connect', () => { c.destroy(); r(true); }); c.on('error', () => r(false)); });
    if (up) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on ${port}`);
}

/** CPU seconds (user + system) and resident memory of a process, from /proc. */
function usage(pid: number): { cpu: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime, stime (fields 14, 15)
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpu: ticks / 100, rssMb: Number(rss ?? 0) / 1024 };
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

export async function runBench(): Promise<void> {
  const clients = env('CLIENTS', 200), docs = env('DOCS', 10), seconds = env('SECONDS', 20), rate = env('RATE', 1), instances = env('INSTANCES', 2);
  const base = 43000 + Math.floor(Math.random() * 1000);
  const procs: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'keyuan-bench-'));
  let redisUrl: string | undefined;
  if (instances > 1) {
    const port = base + 50;
    procs.push(spawn('redis-server', ['server/redis.conf', '--port', String(port), '--daemonize', 'no'], { stdio: 'ignore' }));
    await waitForPort(port);
    redisUrl = `redis://127.0.0.1:${port}`;
  }
  const servers: ChildProcess[] = [];
  for (let i = 0; i < instances; i++) {
    const p = spawn(process.execPath, ['scripts/server.mjs'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PORT: String(base + i), HOST: '127.0.0.1', DATA_DIR: dataDir, QUIET: '1', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
    });
    servers.push(p);
    procs.push(p);
  }
  try {
    await Promise.all(servers.map((_, i) => waitForPort(base + i)));
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
      const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${base + (Math.floor(c / docs) % instances)}`, WebSocketPolyfill: WebSocket as never });
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
    for (const p of procs.reverse()) p.kill('SIGTERM'); // servers first, then Redis
  }
}
