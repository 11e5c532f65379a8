/**
 * The optional Keyuan sync server: Hocuspocus (pinned 3.4.4, runs on Node 20) with
 *  - SQLite persistence in a data folder (sql.js, WebAssembly: nothing native to build or download),
 *  - writes enforced by role (tokens, see src/store/sync/token.ts and access.ts),
 *  - the Redis extension when REDIS_URL is set (several instances share the documents live),
 *  - a daily backup of each workspace as a .keyuan file any device can restore from.
 * Started by `npm run server` (scripts/server.mjs bundles this file first). See docs/SERVER.md.
 */
import * as Y from 'yjs';
import { OutgoingMessage, Server, type Hocuspocus, type Document } from '@hocuspocus/server';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';
import { SqliteStore } from './sqlite';
import { KeyPins } from './pins';
import { Backups } from './backups';
import { checkProof, verifyCert, verifyProof, type Claims } from '../src/store/sync/token';
import { mayWriteIn, roomOf } from '../src/store/sync/access';

export interface ServerOptions {
  port: number;
  host: string;
  dataDir: string;
  redisUrl?: string;
  /** Milliseconds after the last change until a document is written (and at most this * 5 while changes keep coming). */
  storeDelayMs: number;
  quiet?: boolean;
}

export function optionsFromEnv(env = process.env): ServerOptions {
  return {
    port: Number(env.PORT || 1234),
    host: env.HOST || '127.0.0.1',
    dataDir: env.DATA_DIR || 'server-data',
    redisUrl: env.REDIS_URL || undefined,
    storeDelayMs: Number(env.STORE_DELAY_MS || 200),
    quiet: env.QUIET === '1',
  };
}

interface Ctx { claims?: Claims }

/** Whether the holder of these claims may write to the workspace whose core document is `core`. */
const writes = (claims: Claims, core: Y.Doc | undefined) => claims.a === true || (!!core && mayWriteIn(core, claims.u));

export async function startServer(o: ServerOptions): Promise<{ server: Server; stop: () => Promise<void> }> {
  const store = await SqliteStore.open(o.dataDir);
  const pins = new KeyPins(o.dataDir);
  const log = (...a: unknown[]) => { if (!o.quiet) console.log('[keyuan-server]', ...a); };

  /**
   * The core document of a room for a role check: the live one when this instance has it open,
   * else as stored (every instance shares the data folder; storage trails a live edit by at most
   * the store delay). Not through openDirectConnection: inside onAuthenticate, with the Redis
   * extension, that waits on the document being set up by the very connection being checked.
   */
  async function coreOf(instance: Hocuspocus, room: string): Promise<Y.Doc | undefined> {
    const open = instance.documents.get(room);
    if (open) return open;
    const state = await store.fetch(room);
    if (!state) return undefined;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  }

  /** After a change of a core document, connections whose role no longer writes become read-only (and back). */
  function recheck(instance: Hocuspocus, room: string, core: Document): void {
    for (const [name, doc] of instance.documents) {
      if (!roomOf(name, room)) continue;
      for (const { connection } of doc.connections.values()) {
        const claims = (connection.context as Ctx | undefined)?.claims;
        if (!claims) continue;
        const wasReadOnly = connection.readOnly;
        connection.readOnly = !writes(claims, core);
        // a role that now writes: ask the device for what was refused while it could not
        if (wasReadOnly && !connection.readOnly) connection.send(new OutgoingMessage(name).createSyncMessage().writeFirstSyncStepFor(doc).toUint8Array());
      }
    }
  }
  const rechecks = new Map<string, ReturnType<typeof setTimeout>>();

  const extensions = [];
  if (o.redisUrl) {
    const redis = new IORedis(o.redisUrl, { maxRetriesPerRequest: null });
    let reported = 0;
    // ioredis reconnects by itself; say so once a minute instead of on every attempt
    redis.on('error', (e) => { if (Date.now() - reported > 60_000) { reported = Date.now(); console.warn('[keyuan-server] Redis:', e.message); } });
    // the extension's own connections (duplicates of this one) report their errors here too
    extensions.push(new RedisExtension({ prefix: 'keyuan', createClient: () => { const c = redis.duplicate(); c.on('error', () => undefined); return c; } }));
    log('Redis:', o.redisUrl);
  }

  const server = new Server({
    port: o.port,
    address: o.host,
    quiet: true,
    stopOnSignals: false,
    // an acknowledged edit is on disk within storeDelayMs after the last change, and within
    // 5 × storeDelayMs while changes keep coming (plus the time one write takes)
    debounce: o.storeDelayMs,
    maxDebounce: o.storeDelayMs * 5,
    extensions,
    async onAuthenticate({ token, documentName, connectionConfig, instance }) {
      const cert = await checkProof(token ?? '', 'server', documentName);
      if (!cert || !roomOf(documentName, cert.claims.r)) throw new Error('not-a-token');
      const room = cert.claims.r;
      let key = pins.get(room);
      // the first administrator token the server sees for a workspace fixes its key (the key
      // the administrator's device signs every token with); see docs/SERVER.md
      if (!key && cert.claims.a && (await verifyCert(cert, cert.claims.w))) key = pins.pin(room, cert.claims.w);
      const claims = key ? await verifyProof(token, 'server', documentName, room, key) : null;
      if (!claims) throw new Error('invalid-token');
      const core = claims.a ? undefined : await coreOf(instance, room);
      connectionConfig.readOnly = !writes(claims, core);
      if (core && core !== instance.documents.get(room)) core.destroy();
      log(`${claims.n || claims.u} ${connectionConfig.readOnly ? 'reads' : 'writes'} ${documentName}`);
      return { claims } satisfies Ctx;
    },
    async onChange({ documentName, document, instance }) {
      if (documentName.includes('.')) return;
      clearTimeout(rechecks.get(documentName));
      rechecks.set(documentName, setTimeout(() => { rechecks.delete(documentName); recheck(instance, documentName, document); }, 300));
    },
    async onLoadDocument({ documentName, document }) {
      const state = await store.fetch(documentName);
      if (state) Y.applyUpdate(document, state);
      return document;
    },
    async onStoreDocument({ documentName, document }) {
      await store.store(documentName, document);
    },
  });
  await server.listen();
  const backups = new Backups(o.dataDir, store, log);
  backups.start();
  log(`listening on ws://${o.host}:${o.port}, data in ${o.dataDir}`);
  return {
    server,
    stop: async () => {
      backups.stop();
      await server.destroy();
    },
  };
}
