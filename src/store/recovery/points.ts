import type { BaseRecord } from '../../domain/core/record';
import { decodeRecord, encodeRecord } from '../core/codec';
import { localDb, type LocalDb, type RestorePartRow, type RestorePointRow } from '../core/local-db';
import type { Workspace } from '../core/workspace';

/*
 * Restore points (还原点): records as they were, kept on this device only (Dexie), so that
 * whatever a peer does to the shared document — purge everything with forged tombstones, empty
 * every field, move it all to the bin — this device can write the records back (restore.ts).
 *
 * - event points: the previous versions of the records one received change removed, emptied or
 *   binned (watch.ts), with who did it; the last EVENT_KEEP are kept.
 * - daily points: every record of every collection, once a day per workspace; the last
 *   DAILY_KEEP are kept (yesterday's survives a morning's damage that today's point caught).
 *
 * A record is kept as its stored bytes (the JSON `codec.ts` writes), one per line — taking a
 * daily point copies bytes and parses nothing, and bytes that are not a record (a peer's garbage)
 * cost one line, not the part. Parts hold one collection's records, at most
 * PART_BYTES before compression (one IndexedDB value must stay far below Chromium's 127 MiB),
 * and are gzip-compressed when the platform can (CompressionStream).
 */

export const PART_BYTES = 16 * 1024 * 1024;
export const DAILY_KEEP = 2;
export const EVENT_KEEP = 10;

export type RestorePoint = RestorePointRow;
/** Records by collection. */
export type Snapshot = Map<string, BaseRecord[]>;

/** Records as stored values: bytes are kept as they are; older values (objects, JSON text) are encoded. */
function storedBytes(raw: unknown): Uint8Array | undefined {
  if (raw instanceof Uint8Array) return raw;
  const rec = decodeRecord(raw);
  return rec ? encodeRecord(rec) : undefined;
}

/**
 * Records as lines of JSON (what `encodeRecord` writes never holds a raw line break), cut into
 * parts of at most `limit` bytes (a larger record is a part of its own).
 */
export function packRecords(values: Iterable<Uint8Array>, limit = PART_BYTES): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let batch: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (!batch.length) return;
    const out = new Uint8Array(size - 1);
    let at = 0;
    for (const b of batch) {
      out.set(b, at);
      at += b.length;
      if (at < out.length) out[at++] = NEWLINE;
    }
    parts.push(out);
    batch = [];
    size = 0;
  };
  for (const v of values) {
    if (size && size + v.length + 1 > limit + 1) flush();
    batch.push(v);
    size += v.length + 1;
  }
  flush();
  return parts;
}

const NEWLINE = 10;
const text = new TextDecoder();

/** The records of a part; lines that are not records (a peer's garbage) are skipped. */
export function unpackRecords(part: Uint8Array): BaseRecord[] {
  const out: BaseRecord[] = [];
  for (const line of text.decode(part).split('\n')) {
    const rec = decodeRecord(line);
    if (rec) out.push(rec);
  }
  return out;
}

const canCompress = () => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Blob([bytes as BlobPart]).stream().pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

async function partRows(pointId: string, byCollection: [string, Iterable<Uint8Array>][]): Promise<RestorePartRow[]> {
  const gz = canCompress();
  const rows: RestorePartRow[] = [];
  for (const [collection, values] of byCollection) {
    for (const raw of packRecords(values)) {
      rows.push({ pointId, part: rows.length, collection, gz, data: gz ? await through(raw, new CompressionStream('gzip')) : raw });
    }
  }
  return rows;
}

/** Store a point and its records in one IndexedDB transaction, then prune older ones. */
export async function savePoint(point: Omit<RestorePoint, 'parts' | 'bytes'>, byCollection: [string, Iterable<Uint8Array>][], db: LocalDb = localDb()): Promise<RestorePoint> {
  const parts = await partRows(point.id, byCollection);
  const full: RestorePoint = { ...point, parts: parts.length, bytes: parts.reduce((n, p) => n + p.data.length, 0) };
  await db.transaction('rw', db.restorePoints, db.restoreParts, async () => {
    await db.restoreParts.where('pointId').equals(point.id).delete();
    await db.restoreParts.bulkPut(parts);
    await db.restorePoints.put(full);
  });
  await prunePoints(point.workspaceId, db);
  return full;
}

/** The previous versions of some records (an event point). */
export function saveEventPoint(point: Omit<RestorePoint, 'parts' | 'bytes' | 'kind'>, records: Map<string, BaseRecord[]>, db?: LocalDb): Promise<RestorePoint> {
  const byCollection = [...records].map(([c, recs]) => [c, recs.map((r) => encodeRecord(r))] as [string, Uint8Array[]]);
  return savePoint({ ...point, kind: 'event' }, byCollection, db);
}

/** Local date as YYYY-MM-DD. */
export function localDay(at = Date.now()): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Every record of every collection of the workspace as a daily point, stored asynchronously.
 * Collections are read one at a time with a pause between them (at company scale, copying 50 MB
 * of records in one go holds the page for a moment); a change arriving in between that damages
 * records has its own event point. Does nothing when today's point exists, unless `replace` (a
 * person asked for a point now).
 */
export async function takeDailyPoint(ws: Workspace, collections: string[], db: LocalDb = localDb(), now = Date.now(), replace = false): Promise<RestorePoint | undefined> {
  const day = localDay(now);
  const id = `daily-${ws.id}-${day}`;
  if (!replace && await db.restorePoints.get(id)) return undefined;
  const counts: RestorePoint['collections'] = {};
  const byCollection: [string, Uint8Array[]][] = [];
  for (const c of collections) {
    if (byCollection.length) await new Promise((r) => setTimeout(r, 0));
    const values: Uint8Array[] = [];
    for (const raw of ws.collection(c).map.values()) {
      const b = storedBytes(raw);
      if (b) values.push(b);
    }
    if (!values.length) continue;
    counts[c] = { records: values.length };
    byCollection.push([c, values]);
  }
  return savePoint({ id, workspaceId: ws.id, kind: 'daily', at: now, day, collections: counts, by: [] }, byCollection, db);
}

/** Keep the last DAILY_KEEP daily and EVENT_KEEP event points of a workspace; delete the rest. */
export async function prunePoints(workspaceId: string, db: LocalDb = localDb()): Promise<void> {
  const all = await db.restorePoints.where('workspaceId').equals(workspaceId).toArray();
  const newest = (kind: RestorePoint['kind']) => all.filter((p) => p.kind === kind).sort((a, b) => b.at - a.at);
  const drop = [...newest('daily').slice(DAILY_KEEP), ...newest('event').slice(EVENT_KEEP)].map((p) => p.id);
  if (!drop.length) return;
  await db.transaction('rw', db.restorePoints, db.restoreParts, async () => {
    await db.restoreParts.where('pointId').anyOf(drop).delete();
    await db.restorePoints.bulkDelete(drop);
  });
}

/** A workspace's points, newest first. */
export async function listPoints(workspaceId: string, db: LocalDb = localDb()): Promise<RestorePoint[]> {
  const all = await db.restorePoints.where('workspaceId').equals(workspaceId).toArray();
  return all.sort((a, b) => b.at - a.at);
}

/** The records of a point, by collection (read part by part). */
export async function loadPoint(pointId: string, db: LocalDb = localDb()): Promise<Snapshot> {
  const out: Snapshot = new Map();
  const keys = (await db.restoreParts.where('pointId').equals(pointId).primaryKeys()) as [string, number][];
  keys.sort((a, b) => a[1] - b[1]);
  for (const key of keys) {
    const row = await db.restoreParts.get(key);
    if (!row) continue;
    const raw = row.gz ? await through(row.data, new DecompressionStream('gzip')) : row.data;
    const list = out.get(row.collection) ?? [];
    for (const r of unpackRecords(raw)) list.push(r);
    out.set(row.collection, list);
  }
  return out;
}

/** Stop warning about a point on this device. */
export async function dismissPoint(pointId: string, db: LocalDb = localDb()): Promise<void> {
  await db.restorePoints.update(pointId, { dismissed: true });
}

/** Forget every point of a workspace (its local copy is removed). */
export async function removePoints(workspaceId: string, db: LocalDb = localDb()): Promise<void> {
  const ids = (await db.restorePoints.where('workspaceId').equals(workspaceId).primaryKeys()) as string[];
  await db.transaction('rw', db.restorePoints, db.restoreParts, async () => {
    await db.restoreParts.where('pointId').anyOf(ids).delete();
    await db.restorePoints.bulkDelete(ids);
  });
}
