// The bench build has no service worker; the update prompt sees "nothing to do".
import { createSignal } from 'solid-js';
export function useRegisterSW() {
  return { needRefresh: createSignal(false), offlineReady: createSignal(false), updateServiceWorker: async () => {} };
}
