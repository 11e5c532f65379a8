/**
 * Following the class's groups headless: a teacher watching ten groups must not open ten full
 * workspaces. Each group's documents are opened in the store only (no page), read-only, synced
 * with the group's own providers (SyncSession: the same rooms, password and servers as a member's
 * device), summarised, and closed again — a few at a time (`slots`). With no more groups than
 * slots every group stays open and its summary follows each change live; with more, each stays
 * `dwellMs` after it synced and gives its slot to the next (round robin).
 */
import { Workspace } from '../core/workspace';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { SyncSession } from '../sync/session';
import { loadSummary, saveSummary, summarizeGroup, type ClassGroup, type GroupSummary } from './class-view';

export interface FollowOptions {
  /** Groups open at once. */
  slots?: number;
  /** How long a group waits for its peers before its stored copy is summarised. */
  syncTimeoutMs?: number;
  /** How long a synced group stays open when others wait for a slot. */
  dwellMs?: number;
  /** Who this device is in the groups' presence (a teacher watching, never a writer). */
  watcher?: { id: string; name: string };
}

export type GroupState = 'waiting' | 'opening' | 'syncing' | 'live' | 'closed' | 'error';

export class ClassFollower {
  private queue: ClassGroup[] = [];
  private open = new Map<string, { ws: Workspace; session?: SyncSession; lastSynced: number }>();
  private listeners = new Set<(id: string) => void>();
  private stopped = false;
  private states = new Map<string, GroupState>();
  private readonly opts: Required<FollowOptions>;

  /** `skip`: a group's workspace the page itself has open (one Y.Doc per room per page). */
  constructor(groups: ClassGroup[], skip: string | undefined, opts: FollowOptions = {}) {
    this.opts = { slots: 2, syncTimeoutMs: 15_000, dwellMs: 20_000, watcher: { id: 'teacher', name: 'Teacher' }, ...opts };
    this.queue = groups.filter((g) => g.workspaceId !== skip);
    for (const g of this.queue) this.states.set(g.workspaceId, 'waiting');
    const slots = Math.min(this.opts.slots, this.queue.length);
    for (let i = 0; i < slots; i++) void this.runSlot(this.queue.length <= this.opts.slots);
  }

  /** Called with a group's id when its summary or state changed. */
  onChange(fn: (id: string) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  state(id: string): GroupState {
    return this.states.get(id) ?? 'closed';
  }

  /** Groups whose documents are open now (the memory a class view costs). */
  get openCount(): number {
    return this.open.size;
  }

  private set(id: string, s: GroupState): void {
    this.states.set(id, s);
    for (const fn of this.listeners) fn(id);
  }

  private async runSlot(stay: boolean): Promise<void> {
    while (!this.stopped) {
      const g = this.queue.shift();
      if (!g) return;
      try {
        await this.follow(g, stay);
      } catch (e) {
        console.error('[keyuan class view] could not follow a group', e);
        this.set(g.workspaceId, 'error');
      }
      if (stay) return;
      this.queue.push(g);
    }
  }

  /** Open one group headless, sync, summarise (again on every change while open), close. */
  private async follow(g: ClassGroup, stay: boolean): Promise<void> {
    const entry = await localDb().workspaces.get(g.workspaceId);
    if (!entry || this.stopped) return;
    this.set(g.workspaceId, 'opening');
    const ws = await openReadOnly(entry);
    const previous = await loadSummary(g.workspaceId);
    const slot = { ws, lastSynced: previous?.lastSynced ?? 0, session: undefined as SyncSession | undefined };
    this.open.set(g.workspaceId, slot);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      // while open, every received change is summarised (debounced) and counts as synced
      clearTimeout(timer);
      timer = setTimeout(() => {
        slot.lastSynced = Date.now();
        this.set(g.workspaceId, 'live');
        void this.summarize(g.workspaceId);
      }, 800);
    };
    try {
      await ws.loaded;
      await this.summarize(g.workspaceId);
      if (this.stopped) return;
      this.set(g.workspaceId, 'syncing');
      slot.session = await SyncSession.start(ws, entry);
      slot.session.setIdentity({ ...this.opts.watcher, role: '' });
      for (const d of ws.docs.values()) d.on('update', onUpdate);
      const synced = await Promise.race([syncedWithin(slot.session, this.opts.syncTimeoutMs), this.stopping.then(() => false)]);
      if (synced) slot.lastSynced = Date.now();
      if (this.stopped) return;
      this.set(g.workspaceId, synced ? 'live' : 'waiting');
      await this.summarize(g.workspaceId);
      await Promise.race([this.stopping, stay ? new Promise(() => undefined) : new Promise((r) => setTimeout(r, this.opts.dwellMs))]);
    } finally {
      clearTimeout(timer);
      for (const d of ws.docs.values()) d.off('update', onUpdate);
      await this.summarize(g.workspaceId);
      this.open.delete(g.workspaceId);
      await slot.session?.stop();
      await ws.close();
      this.set(g.workspaceId, 'closed');
    }
  }

  private stop$!: () => void;
  /** Resolves when `stop` is called: every wait of a slot ends then. */
  private stopping = new Promise<void>((r) => { this.stop$ = r; });

  private async summarize(id: string): Promise<GroupSummary | undefined> {
    const slot = this.open.get(id);
    if (!slot) return undefined;
    const s = summarizeGroup(slot.ws, slot.lastSynced);
    await saveSummary(s);
    for (const fn of this.listeners) fn(id);
    return s;
  }

  /** Stop following: every open group is summarised once more, its sync stopped and its documents closed. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue = [];
    this.stop$();
    const closing = [...this.open.keys()];
    // wait until each slot has closed its workspace
    while (closing.some((id) => this.open.has(id))) await new Promise((r) => setTimeout(r, 20));
  }
}

/** A workspace's documents opened in the store only, read-only: nothing on this device writes to them. */
export async function openReadOnly(entry: WorkspaceEntry): Promise<Workspace> {
  return Workspace.open(entry.id, { readOnly: true });
}

/** Whether the session reached its peers and finished the first exchange within the time. */
function syncedWithin(session: SyncSession, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (v: boolean) => { clearTimeout(timer); off(); resolve(v); };
    const check = () => { const p = session.status().phase; if (p === 'connected' || p === 'server') done(true); };
    const off = session.subscribe(check);
    const timer = setTimeout(() => done(false), ms);
    check();
  });
}
