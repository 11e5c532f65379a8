import { describe, expect, it } from 'vitest';
import { createMemo, createRoot } from 'solid-js';
import * as Y from 'yjs';
import { createWorkspaceCtx, type WorkspaceCtx } from './context';
import { peer, sync } from '../../store/core/test-peers';
import type { Workspace } from '../../store/core/workspace';

/** Change events reach Solid one microtask after the transaction (context.tsx batches them). */
const settled = () => Promise.resolve();

const entry = { id: 't', name: 't', room: 'r', password: 'p', createdAt: 0, lastOpenedAt: 0 };

/** The context of `ws` inside a Solid root, and the root's disposer. */
function contextOf(ws: Workspace): { ctx: WorkspaceCtx; dispose: () => void } {
  return createRoot((dispose) => ({ ctx: createWorkspaceCtx(ws, entry, 'me'), dispose }));
}

describe('the UI context\'s readers subscribe themselves', () => {
  it('a reader re-runs when a peer changes the record; a raw collection read does not (the quote page\'s stale title)', async () => {
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
    await settled();
    expect(title()).toBe('生产管理系统二期');
    expect(raw()).toBe('生产管理系统'); // subscribed to another collection only: stale
    expect(mine()).toBe(2);
    expect(all()).toEqual([2, 2]);
    expect(ctx.get('opportunities', undefined)).toBeUndefined();
    dispose();
  });

  it('visible() follows the collection too', async () => {
    const here = peer('me');
    const { ctx, dispose } = contextOf(here);
    const n = createRoot(() => createMemo(() => ctx.visible('customers').length));
    expect(n()).toBe(0);
    here.transact(() => here.collection('customers').create({ code: 'KH1', name: '甲' }));
    await settled();
    expect(n()).toBe(1);
    dispose();
  });

  it('a peer\'s update that touches several collections re-runs a page that reads them all once, not once per collection', async () => {
    const here = peer('me');
    const there = peer('other');
    const { ctx, dispose } = contextOf(here);
    let runs = 0;
    const counts = createRoot(() => createMemo(() => { runs++; return ['customers', 'contacts', 'opportunities', 'quotes'].map((c) => ctx.count(c)); }));
    expect(counts()).toEqual([0, 0, 0, 0]);
    there.transact(() => {
      there.collection('customers').create({ code: 'KH1', name: '甲' }, 'c');
      there.collection('contacts').create({ name: '张三', customerId: 'c' });
      there.collection('opportunities').create({ subject: '一期', customerId: 'c' }, 'o');
      there.collection('quotes').create({ code: 'BJ1', opportunityId: 'o' });
    });
    const before = runs;
    Y.applyUpdate(here.docOf('customers'), Y.encodeStateAsUpdate(there.docOf('customers')));
    await settled();
    expect(counts()).toEqual([1, 1, 1, 1]);
    expect(runs - before).toBe(1);
    dispose();
  });
});
