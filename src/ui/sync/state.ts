import { createSignal } from 'solid-js';
import type { SyncSession, SyncStatus } from '../../store/sync/session';

/** The sync session of the open workspace, as Solid signals (one workspace is open at a time). */
const [session, setSession] = createSignal<SyncSession | undefined>();
const [status, setStatus] = createSignal<SyncStatus | undefined>();
const [editing, setEditingSignal] = createSignal<{ c: string; id: string } | null>(null);
/** navigator.onLine, followed through the 'online' and 'offline' events. */
const [online, setOnline] = createSignal(globalThis.navigator?.onLine !== false);
export { session, status, editing, online };

let off: (() => void) | undefined;

// the session reports its own changes, not the browser's network: read the status again when it
// changes, and on coming back try the servers at once instead of waiting for the next back-off
if (typeof window !== 'undefined') {
  const follow = (up: boolean) => {
    setOnline(up);
    const s = session();
    if (up) s?.retryNow();
    if (s) setStatus(s.status());
  };
  window.addEventListener('online', () => follow(true));
  window.addEventListener('offline', () => follow(false));
}

let stopping: Promise<void> = Promise.resolve();
/**
 * Resolves once every session this page has stopped has let go of its rooms (y-webrtc allows one
 * document per room in a page: the class view waits for it before it follows a group headless).
 */
export function sessionsStopped(): Promise<void> {
  return stopping;
}
/** A session stopping (or one still starting, to be stopped once started). */
export function trackStop(p: Promise<unknown>): void {
  stopping = Promise.all([stopping, p.catch(() => undefined)]).then(() => undefined);
}

export function attachSession(s: SyncSession | undefined): void {
  off?.();
  off = undefined;
  setSession(s);
  setStatus(s?.status());
  if (s) off = s.subscribe(() => setStatus(s.status()));
}

/** A record form opened or closed (presence: "editing"). */
export function setEditing(collection: string, id: string | undefined, on: boolean): void {
  if (!id) return;
  if (on) setEditingSignal({ c: collection, id });
  else if (editing()?.c === collection && editing()?.id === id) setEditingSignal(null);
}

/**
 * Any stored value as text without trusting it: a value from a peer may be an object whose own
 * `toString` is not a function, and String() on it throws.
 */
export function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try { return JSON.stringify(v)?.slice(0, 200) ?? ''; } catch { return '⚠'; }
}
