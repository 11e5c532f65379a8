// A hostile peer for the recovery test: it speaks the app's wire protocol (the same guarded
// y-webrtc) and erases the group's customers — by raw map deletes (which every honest peer's merge
// heals) or with forged purge tombstones that claim to know every field a year ahead. Bundled by
// e2e/recovery.e2e.ts into a blank page of its own Chromium process; never shipped.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { GuardedWebrtc } from '../src/store/sync/webrtc';

const EVIL = 'evil-user';
let doc: Y.Doc;

async function join(room: string, password: string, signaling: string[], customers: number): Promise<number> {
  doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { id: EVIL, name: '捣乱者', role: '组员', color: '#000' } });
  const w = new GuardedWebrtc(doc, { room, password, signaling, iceServers: [], awareness }, { change: () => undefined, rejected: () => undefined });
  await w.ready;
  const map = doc.getMap('customers');
  const until = Date.now() + 30_000;
  while (map.size < customers && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return map.size;
}

function count(): number {
  return doc.getMap('customers').size;
}

function wipe(mode: 'raw' | 'tombstones'): number {
  const map = doc.getMap<unknown>('customers');
  const purged = doc.getMap<unknown>('purged:customers');
  const now = Date.now();
  const future = [now + 365 * 86_400_000, doc.clientID];
  const keys = [...map.keys()];
  doc.transact(() => {
    if (mode === 'tombstones') {
      const me = { id: EVIL, _c: [now, doc.clientID], createdBy: EVIL, updatedBy: EVIL, name: '捣乱者', code: 'X1', roleId: 'role-member', active: true };
      doc.getMap('users').set(EVIL, new TextEncoder().encode(JSON.stringify(me)));
    }
    for (const id of keys) {
      if (mode === 'tombstones') {
        const rec = JSON.parse(new TextDecoder().decode(map.get(id) as Uint8Array)) as Record<string, unknown>;
        const fields = [...Object.keys(rec), ...Object.keys((rec._s ?? {}) as object)]
          .filter((f) => !['id', '_c', '_s', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'].includes(f));
        purged.set(id, { k: Object.fromEntries(fields.map((f) => [f, future])), u: EVIL, s: [now, doc.clientID], bin: false });
      }
      map.delete(id);
    }
  });
  return keys.length;
}

(globalThis as unknown as { wiper: unknown }).wiper = { join, wipe, count };
