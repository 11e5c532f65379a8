import { localDb } from '../core/local-db';

/**
 * PINs live in this device's Dexie settings (never in the shared document), one per workspace
 * and user, as a salted PBKDF2 hash: the PIN itself is never stored.
 */
interface StoredPin { salt: string; hash: string }

const key = (workspaceId: string, userId: string) => `pin:${workspaceId}:${userId}`;
const ITERATIONS = 100_000;

async function derive(pin: string, salt: Uint8Array): Promise<string> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations: ITERATIONS }, material, 256);
  return toHex(new Uint8Array(bits));
}

const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const fromHex = (s: string) => new Uint8Array(s.match(/../g)?.map((h) => parseInt(h, 16)) ?? []);

async function stored(workspaceId: string, userId: string): Promise<StoredPin | undefined> {
  const row = await localDb().settings.get(key(workspaceId, userId));
  const v = row?.value as StoredPin | undefined;
  return v && typeof v.salt === 'string' && typeof v.hash === 'string' ? v : undefined;
}

export async function hasPin(workspaceId: string, userId: string): Promise<boolean> {
  return (await stored(workspaceId, userId)) !== undefined;
}

/** True when the user has no PIN on this device or `pin` is it. */
export async function checkPin(workspaceId: string, userId: string, pin: string): Promise<boolean> {
  const s = await stored(workspaceId, userId);
  return !s || (await derive(pin, fromHex(s.salt))) === s.hash;
}

/** Set or replace the PIN (the caller has checked the current one); an empty PIN removes it. */
export async function setPin(workspaceId: string, userId: string, pin: string): Promise<void> {
  if (!pin) {
    await localDb().settings.delete(key(workspaceId, userId));
    return;
  }
  const salt = crypto.getRandomValues(new Uint8Array(16));
  await localDb().settings.put({ key: key(workspaceId, userId), value: { salt: toHex(salt), hash: await derive(pin, salt) } });
}
