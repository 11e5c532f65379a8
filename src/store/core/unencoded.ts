import * as Y from 'yjs';

type Listeners = Map<string, Set<(...args: unknown[]) => void>>;

/**
 * Run `apply` (which applies a peer's update to `doc`) without Yjs encoding the applied
 * transaction again for the document's 'update' listeners. Yjs encodes every transaction for
 * them (writeUpdateMessageFromTransaction) — for a joining peer receiving a whole workspace,
 * seconds of main thread spent re-encoding 80 MB that the caller already holds as received
 * bytes and stores as they are. Only the transactions `isTarget` picks are skipped: the writes
 * that observers make in reaction (a merge write-back, origin not the peer) are encoded and
 * stored as usual. The caller must make sure no listener needs the skipped update (nobody to
 * forward it to) and must store the received bytes itself.
 *
 * How: Yjs emits 'afterTransactionCleanup' just before it checks for 'update' listeners, so the
 * listeners are set aside there for a target transaction and put back at the next cleanup (or
 * when all transactions are done). This reaches into lib0's Observable map (`_observers`),
 * stable across yjs 13.x; store/core/unencoded.test.ts pins the behaviour.
 */
export function applyUnencoded(doc: Y.Doc, apply: () => void, isTarget: (tx: Y.Transaction) => boolean): void {
  const observers = (doc as unknown as { _observers: Listeners })._observers;
  let aside: Set<(...args: unknown[]) => void> | null = null;
  const restore = () => {
    if (!aside) return;
    const added = observers.get('update'); // a listener added meanwhile is kept too
    if (added) for (const f of added) aside.add(f);
    observers.set('update', aside);
    aside = null;
  };
  const onCleanup = (tx: Y.Transaction) => {
    restore();
    if (isTarget(tx) && observers.has('update')) {
      aside = observers.get('update')!;
      observers.delete('update');
    }
  };
  doc.on('afterTransactionCleanup', onCleanup);
  doc.on('afterAllTransactions', restore);
  try {
    apply();
  } finally {
    restore();
    doc.off('afterTransactionCleanup', onCleanup);
    doc.off('afterAllTransactions', restore);
  }
}

/**
 * Apply a peer's update as above and store the bytes as received. Should applying fail midway,
 * what did integrate was not encoded for the listeners either: the whole document is stored
 * instead (larger, rare, and never lost).
 */
export function applyAndStore(doc: Y.Doc, apply: () => void, isTarget: (tx: Y.Transaction) => boolean,
  received: Uint8Array, store: (update: Uint8Array) => void): void {
  try {
    applyUnencoded(doc, apply, isTarget);
  } catch (e) {
    store(Y.encodeStateAsUpdate(doc));
    throw e;
  }
  // a view into a larger message would be stored with all of its buffer
  store(received.byteOffset === 0 && received.byteLength === received.buffer.byteLength ? received : received.slice());
}
