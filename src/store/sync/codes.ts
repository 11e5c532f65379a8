import type { IceServer } from './settings';

/**
 * A join code: what another device needs to find the group (room, signaling addresses, an
 * optional Yjs server, an optional Hocuspocus server with this person's token, and ICE servers)
 * — never the password, which is given separately.
 */
export interface Invite {
  name: string;
  room: string;
  signaling: string[];
  websocket?: string;
  iceServers?: IceServer[];
  /** A Hocuspocus server (server mode). */
  server?: string;
  /** An access token for that server, when the code is made for one person (never in a code for everyone). */
  token?: string;
}

const PREFIX = 'KY1.';

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

export function encodeInvite(inv: Invite): string {
  const body = { v: 1, n: inv.name, r: inv.room, s: inv.signaling, w: inv.websocket || undefined, i: inv.iceServers?.length ? inv.iceServers : undefined, h: inv.server || undefined, t: inv.token || undefined };
  return PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(body)));
}

/** The invite in a code, or in a link that carries one (`…#/?join=KY1.…`); null if it is not one. */
export function decodeInvite(text: string): Invite | null {
  const m = /KY1\.([A-Za-z0-9_-]+)/.exec(text.trim());
  if (!m) return null;
  try {
    const o = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(m[1])));
    if (o?.v !== 1 || typeof o.r !== 'string' || !o.r || typeof o.n !== 'string') return null;
    if (!Array.isArray(o.s) || !o.s.every((u: unknown) => typeof u === 'string')) return null;
    const ice = Array.isArray(o.i) ? (o.i as IceServer[]).filter((x) => typeof x?.urls === 'string') : undefined;
    const inv: Invite = { name: o.n.slice(0, 200), room: o.r.slice(0, 200), signaling: o.s.slice(0, 8), websocket: typeof o.w === 'string' ? o.w : undefined, iceServers: ice };
    if (typeof o.h === 'string' && o.h) inv.server = o.h.slice(0, 300);
    if (typeof o.t === 'string' && o.t) inv.token = o.t.slice(0, 2000);
    return inv;
  } catch {
    return null;
  }
}

/** A link that opens this app's join dialog with the code filled in (what the QR code holds). */
export function inviteLink(code: string, loc: { origin: string; pathname: string } = globalThis.location): string {
  return `${loc.origin}${loc.pathname}#/?join=${code}`;
}
