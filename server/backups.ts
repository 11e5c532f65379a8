import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { pack, type Sections } from '../src/store/sync/file-format';
import { CORE_GROUP } from '../src/domain/registry';
import type { SqliteStore } from './sqlite';
import { writeFileDurably } from './files';

/** Daily backups kept per workspace. */
export const KEEP_DAYS = 30;
const HOUR = 3600_000;

/**
 * A daily copy of each workspace: `<data>/backups/<room>/<YYYY-MM-DD>.keyuan`, a full .keyuan
 * file (every document group of the workspace, as stored), the same file a device exports. To
 * restore, open it on a device in 数据恢复 (recovery → restore from a file): the records that
 * differ are written again as new edits, which then reach the server and every peer — the same
 * recovery as on devices, never a rewind of the server's document.
 */
export class Backups {
  private timer?: ReturnType<typeof setInterval>;
  constructor(private readonly dataDir: string, private readonly store: SqliteStore, private readonly log: (...a: unknown[]) => void) {}

  start(): void {
    void this.runDue();
    this.timer = setInterval(() => void this.runDue(), HOUR);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Back up every workspace that has no copy of today yet; prune copies older than KEEP_DAYS. */
  async runDue(now = new Date()): Promise<string[]> {
    const day = now.toISOString().slice(0, 10);
    const written: string[] = [];
    for (const room of this.rooms()) {
      const path = join(this.dataDir, 'backups', room, `${day}.keyuan`);
      if (existsSync(path)) continue;
      try {
        const file = await this.backupFile(room, now.getTime());
        if (!file) continue;
        writeFileDurably(path, file);
        written.push(path);
        this.prune(room);
      } catch (e) {
        this.log(`backup of ${room} failed:`, e);
      }
    }
    if (written.length) this.log(`backed up ${written.length} workspace(s) for ${day}`);
    return written;
  }

  /** Workspaces (rooms) with a stored core document. */
  private rooms(): string[] {
    return this.store.names().filter((n) => !n.includes('.'));
  }

  /** A full .keyuan file of a workspace: its core document first, then each group. */
  async backupFile(room: string, at: number): Promise<Uint8Array | null> {
    const core = await this.store.fetch(room);
    if (!core) return null;
    const sections: Sections = new Map([[CORE_GROUP, core]]);
    for (const name of this.store.names().filter((n) => n.startsWith(room + '.')).sort()) {
      const state = await this.store.fetch(name);
      if (state) sections.set(name.slice(room.length + 1), state);
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, core);
    const schema = doc.getMap('meta').get('schema');
    doc.destroy();
    return pack({ kind: 'full', workspace: room, room, exportedAt: at, by: 'server', schema: typeof schema === 'number' ? schema : 0 }, sections);
  }

  private prune(room: string): void {
    const dir = join(this.dataDir, 'backups', room);
    const files = readdirSync(dir).filter((f) => /^\d{4}-\d{2}-\d{2}\.keyuan$/.test(f)).sort();
    for (const f of files.slice(0, Math.max(0, files.length - KEEP_DAYS))) rmSync(join(dir, f));
  }
}
