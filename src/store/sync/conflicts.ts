/*
 * Which merge-conflict notices this device has dismissed (a record page says so once). Device-local
 * and tiny — a person's "got it" is not the group's business — so it lives in localStorage, keyed
 * by the conflict's key (record, field, the overwritten write's stamp), capped at the last 500.
 */
const KEY = 'keyuan.dismissedConflicts';

function read(): string[] {
  try {
    const v: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch { return []; }
}

export function isConflictDismissed(key: string): boolean {
  return read().includes(key);
}

export function dismissConflict(key: string): void {
  try { globalThis.localStorage?.setItem(KEY, JSON.stringify([...read().filter((k) => k !== key), key].slice(-500))); } catch { /* storage full or off: shown again next time */ }
}
