import { describe, expect, it } from 'vitest';
import { createMemo, createRoot } from 'solid-js';
import { createWorkspaceCtx, type WorkspaceCtx } from './context';
import { peer, sync } from '../../store/core/test-peers';
import type { Workspace } from '../../store/core/workspace';

const entry = { id: 't', name: 't', room: 'r', password: 'p', createdAt: 0, lastOpenedAt: 0 };

/** The context of `ws` inside a Solid root, and the root's disposer. */
function contextOf(ws: Workspace): { ctx: WorkspaceCtx; dispose: () => void } {
  return createRoot((dispose) => ({ ctx: createWorkspaceCtx(ws, entry, 'me'), dispose }));
}

describe('the UI context\'s readers subscribe themselves', () => {
  it('a reader re-runs when a peer changes the record; a raw collection read does not (the quote page\'s stale title)', () => {
    const here = peer('me');
    const there = peer('other');
    there.transact(() => {
      there.collection('opportunities').create({ subject: '生产管理系统', ownerId: 'me' }, 'o');
      there.collection('quotes').create({ code: 'BJ1', opportunityId: 'o' }, 'q');
    });
    sync(there, here);
    const { ctx, dispose } = contextOf(here);
    const title = createRoot(() => createMemo(() => ctx.get('opportunities', 'o')?.subject));
    const raw = createRoot(() => createMemo(() => { ctx.version('products')(); return here.collection('opportunities').get('o')?.subject; }));
    const mine = createRoot(() => createMemo(() => ctx.where('quotes', 'opportunityId', 'o').length));
    const all = createRoot(() => createMemo(() => [ctx.live('opportunities').length, ctx.count('opportunities')]));
    expect([title(), raw(), mine(), all()]).toEqual(['生产管理系统', '生产管理系统', 1, [1, 1]]);

    there.transact(() => {
      there.collection('opportunities').update('o', { subject: '生产管理系统二期' });
      there.collection('opportunities').create({ subject: '第二个', ownerId: 'me' }, 'o2');
      there.collection('quotes').create({ code: 'BJ2', opportunityId: 'o' }, 'q2');
    });
    sync(there, here);
    expect(title()).toBe('生产管理系统二期');
    expect(raw()).toBe('生产管理系统'); // subscribed to another collection only: stale
    expect(mine()).toBe(2);
    expect(all()).toEqual([2, 2]);
    expect(ctx.get('opportunities', undefined)).toBeUndefined();
    dispose();
  });

  it('visible() follows the collection too', () => {
    const here = peer('me');
    const { ctx, dispose } = contextOf(here);
    const n = createRoot(() => createMemo(() => ctx.visible('customers').length));
    expect(n()).toBe(0);
    here.transact(() => here.collection('customers').create({ code: 'KH1', name: '甲' }));
    expect(n()).toBe(1);
    dispose();
  });
});
