/**
 * Sync server instances for the load test and the scale-out tests: INSTANCES processes of
 * `npm run server` sharing one data folder, behind a Redis started with server/redis.conf when
 * there is more than one (as docs/SERVER.md deploys them). Not part of the server itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
  });
}

export async function waitForPort(port: number, timeoutMs = 60_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    const up = await new Promise<boolean>((r) => { const c = createConnection(port, '127.0.0.1'); c.on('connect', () => { c.destroy(); r(true); }); c.on('error', () => r(false)); });
    if (up) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on ${port}`);
}

/** CPU seconds (user + system), resident and peak resident memory of a process, from /proc. */
export function usage(pid: number): { cpu: number; rssMb: number; peakMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(stat[11]) + Number(stat[12]); // utime, stime (fields 14, 15)
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { cpu: ticks / 100, rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

export interface Cluster {
  urls: string[];
  servers: ChildProcess[];
  redisUrl?: string;
  dataDir: string;
  /** Whether Redis closed a client for going over an output-buffer limit (its log says so). */
  redisCutOff(): boolean;
  stop(): Promise<void>;
}

function stopProcess(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return new Promise((r) => {
    const force = setTimeout(() => { p.kill('SIGKILL'); r(); }, 6000);
    p.once('exit', () => { clearTimeout(force); r(); });
    p.kill('SIGTERM');
  });
}

/**
 * Start `instances` servers (and Redis when more than one). `redisArgs` are added after
 * server/redis.conf on redis-server's command line (they override it: the negative control of
 * the company test runs Redis's default pub/sub limit this way).
 */
export async function startCluster(instances: number, opts: { redisArgs?: string[]; storeDelayMs?: number } = {}): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'keyuan-cluster-'));
  let redis: ChildProcess | undefined;
  let redisUrl: string | undefined;
  if (instances > 1) {
    const port = await freePort();
    const logfile = join(dataDir, 'redis.log');
    redis = spawn('redis-server', ['server/redis.conf', '--port', String(port), '--daemonize', 'no', '--logfile', logfile, ...(opts.redisArgs ?? [])], { stdio: 'ignore' });
    await waitForPort(port);
    redisUrl = `redis://127.0.0.1:${port}`;
  }
  const ports = await Promise.all(Array.from({ length: instances }, () => freePort()));
  const servers = ports.map((port) => spawn(process.execPath, ['scripts/server.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, QUIET: '1',
      ...(opts.storeDelayMs ? { STORE_DELAY_MS: String(opts.storeDelayMs) } : {}), ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    },
  }));
  const stop = async () => {
    await Promise.all(servers.map(stopProcess)); // servers first (they store on the way out), then Redis
    if (redis) await stopProcess(redis);
    rmSync(dataDir, { recursive: true, force: true }); // a company run leaves ~80 MB
  };
  try {
    await Promise.all(ports.map((p) => waitForPort(p)));
  } catch (e) {
    await stop();
    throw e;
  }
  const redisCutOff = () => existsSync(join(dataDir, 'redis.log')) && /overcoming of output buffer limits/.test(readFileSync(join(dataDir, 'redis.log'), 'utf8'));
  return { urls: ports.map((p) => `ws://127.0.0.1:${p}`), servers, redisUrl, dataDir, redisCutOff, stop };
}
