/** Presence (y-protocols awareness): who is online, where they are. States from peers are untrusted. */
export interface Presence {
  user: { id: string; name: string; role: string; color: string };
  /** The record this person is looking at, and whether its form is open. */
  at?: { c: string; id: string; editing: boolean } | null;
}

const str = (v: unknown, max = 80) => (typeof v === 'string' ? v.slice(0, max) : '');

/** A peer's awareness state as something safe to render, or null when it is not one. */
export function readPresence(state: unknown): Presence | null {
  if (typeof state !== 'object' || state === null) return null;
  const u = (state as { user?: unknown }).user;
  if (typeof u !== 'object' || u === null) return null;
  const user = u as Record<string, unknown>;
  const id = str(user.id);
  if (!id) return null;
  const color = /^#[0-9a-f]{6}$/i.test(str(user.color)) ? str(user.color) : colorFor(id);
  const at = (state as { at?: unknown }).at as Record<string, unknown> | null | undefined;
  const where = at && typeof at === 'object' && str(at.c) && str(at.id) ? { c: str(at.c), id: str(at.id), editing: at.editing === true } : null;
  return { user: { id, name: str(user.name) || '?', role: str(user.role), color }, at: where };
}

/** A stable, readable colour per user id. */
export function colorFor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = h % 360;
  return hslToHex(hue, 0.55, 0.42);
}

function hslToHex(h: number, s: number, l: number): string {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return '#' + [f(0), f(8), f(4)].map((x) => Math.round(x * 255).toString(16).padStart(2, '0')).join('');
}
