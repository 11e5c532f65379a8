import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPublicKey, type PublicKeyXY } from '../src/store/sync/token';
import { writeFileDurably } from './files';

/**
 * The workspace key each workspace's tokens must be signed with, fixed by the first
 * administrator token the server saw for it (`<data>/workspace-keys.json`). To move a workspace
 * to a new key, remove its line while the server is stopped.
 */
export class KeyPins {
  private readonly path: string;
  private keys: Record<string, PublicKeyXY> = {};
  constructor(dataDir: string) {
    this.path = join(dataDir, 'workspace-keys.json');
    this.load();
  }

  private load(): void {
    if (!existsSync(this.path)) return;
    const raw = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>;
    this.keys = {};
    for (const [room, k] of Object.entries(raw)) { const key = readPublicKey(k); if (key) this.keys[room] = key; }
  }

  /** The pinned key (read again from disk when unknown: another instance may have pinned it). */
  get(room: string): PublicKeyXY | undefined {
    if (!this.keys[room]) this.load();
    return this.keys[room];
  }

  pin(room: string, key: PublicKeyXY): PublicKeyXY {
    this.load();
    if (this.keys[room]) return this.keys[room];
    this.keys[room] = key;
    writeFileDurably(this.path, new TextEncoder().encode(JSON.stringify(this.keys, null, 1)));
    return key;
  }
}
