/**
 * While updates are still on their way to IndexedDB, leaving or reloading the page asks first
 * (the browser's own "leave site?" prompt): leaving then would lose them. Nothing happens when
 * nothing is pending — the handler reads one number. Returns the function that removes it.
 */
export function guardUnload(ws: { readonly pendingWrites: number }, target: EventTarget = window): () => void {
  const onBeforeUnload = (e: Event) => {
    if (ws.pendingWrites === 0) return;
    e.preventDefault();
    (e as BeforeUnloadEvent).returnValue = true; // older browsers ask only when this is set
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}
