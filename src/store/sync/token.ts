/**
 * Access tokens for a Hocuspocus server (and for peers in server mode), WebCrypto only so the
 * same code runs in the browser and in the server (Node ≥ 20).
 *
 * The workspace administrator's device holds the workspace key (ECDSA P-256, never in the
 * document); its public half is in the core document (meta `accessKey`). A token for a user is
 *   KT1.<claims>.<signature>.<user key>
 * claims = { r: room, u: user id, n: name, a: admin?, k: the user's public key, w: the workspace
 * public key, t: issued at }, signed with the workspace key; the user key is a key pair made for
 * that user alone. The first three parts (the certificate) say who the holder is; the user key
 * proves it: what goes to the server or to a peer is the certificate plus a signature, made with
 * the user key, over the purpose, a context (the document name, or the peer's random challenge)
 * and the time. A peer that receives such a proof cannot reuse it elsewhere: the context differs,
 * and it never sees the user key. No password is stored anywhere.
 */
export interface PublicKeyXY { x: string; y: string }
export interface Claims { r: string; u: string; n: string; a?: boolean; k: PublicKeyXY; w: PublicKeyXY; t: number }
export interface Cert { claims: Claims; body: string; sig: string }

const PREFIX = 'KT1';
const ALG = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;
/** How far a proof's time may be from the verifier's clock. */
export const PROOF_WINDOW_MS = 10 * 60_000;

const subtle = () => globalThis.crypto.subtle;
const enc = new TextEncoder();

export function b64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export function fromB64url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(b, (c) => c.charCodeAt(0));
}

const publicJwk = (k: PublicKeyXY): JsonWebKey => ({ kty: 'EC', crv: 'P-256', x: k.x, y: k.y, ext: true });
const isXY = (v: unknown): v is PublicKeyXY => typeof v === 'object' && v !== null
  && typeof (v as PublicKeyXY).x === 'string' && typeof (v as PublicKeyXY).y === 'string';
export const sameKey = (a: PublicKeyXY | undefined, b: PublicKeyXY | undefined) => !!a && !!b && a.x === b.x && a.y === b.y;

/** A new workspace key: the private JWK (kept on the administrator's device) and its public half. */
export async function generateWorkspaceKey(): Promise<{ privateJwk: JsonWebKey; publicKey: PublicKeyXY }> {
  const pair = await subtle().generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
  const jwk = await subtle().exportKey('jwk', pair.privateKey);
  return { privateJwk: jwk, publicKey: { x: jwk.x!, y: jwk.y! } };
}

async function sign(privateJwk: JsonWebKey, data: string): Promise<string> {
  const key = await subtle().importKey('jwk', privateJwk, ALG, false, ['sign']);
  return b64url(new Uint8Array(await subtle().sign(SIGN, key, enc.encode(data))));
}

async function verify(pub: PublicKeyXY, data: string, sig: string): Promise<boolean> {
  try {
    const key = await subtle().importKey('jwk', publicJwk(pub), ALG, false, ['verify']);
    return await subtle().verify(SIGN, key, fromB64url(sig) as BufferSource, enc.encode(data));
  } catch {
    return false;
  }
}

/** Issue a token for a user (on the administrator's device, with the workspace key). */
export async function issueToken(workspaceJwk: JsonWebKey, who: { room: string; userId: string; name: string; admin?: boolean }, now = Date.now()): Promise<string> {
  const user = await subtle().generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
  const userJwk = await subtle().exportKey('jwk', user.privateKey);
  const claims: Claims = {
    r: who.room, u: who.userId, n: who.name.slice(0, 80), ...(who.admin ? { a: true } : {}),
    k: { x: userJwk.x!, y: userJwk.y! }, w: { x: workspaceJwk.x!, y: workspaceJwk.y! }, t: now,
  };
  const body = b64url(enc.encode(JSON.stringify(claims)));
  const sig = await sign(workspaceJwk, `${PREFIX}.${body}`);
  return `${PREFIX}.${body}.${sig}.${userJwk.d}`;
}

/** The certificate in a token or a proof (not yet verified), or null when it is not one. */
export function readCert(text: string): Cert | null {
  const [prefix, body, sig] = text.trim().split('.');
  if (prefix !== PREFIX || !body || !sig) return null;
  try {
    const c = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromB64url(body))) as Claims;
    if (typeof c?.r !== 'string' || typeof c.u !== 'string' || !c.u || !isXY(c.k) || !isXY(c.w) || typeof c.t !== 'number') return null;
    return { claims: { r: c.r, u: c.u, n: typeof c.n === 'string' ? c.n : '', a: c.a === true || undefined, k: c.k, w: c.w, t: c.t }, body, sig };
  } catch {
    return null;
  }
}

/** True when the certificate was signed with `workspaceKey`. */
export function verifyCert(cert: Cert, workspaceKey: PublicKeyXY): Promise<boolean> {
  return verify(workspaceKey, `${PREFIX}.${cert.body}`, cert.sig);
}

const proofData = (purpose: string, context: string, at: number) => `${purpose}\n${context}\n${at}`;

/** What a token holder shows: its certificate, the time, and a signature with its user key over purpose, context and time. */
export async function prove(token: string, purpose: 'server' | 'peer', context: string, now = Date.now()): Promise<string> {
  const cert = readCert(token);
  const d = token.trim().split('.')[3];
  if (!cert || !d) throw new Error('not a token');
  const sig = await sign({ ...publicJwk(cert.claims.k), d }, proofData(purpose, context, now));
  return `${PREFIX}.${cert.body}.${cert.sig}.${now}.${sig}`;
}

/**
 * The claims of a proof made for this purpose and context, signed by the user key its certificate
 * names, within PROOF_WINDOW_MS of now; null otherwise. The certificate itself is checked
 * separately (verifyCert), against the key the verifier trusts.
 */
export async function checkProof(proof: string, purpose: 'server' | 'peer', context: string, now = Date.now()): Promise<Cert | null> {
  const parts = proof.trim().split('.');
  if (parts.length !== 5) return null;
  const cert = readCert(proof);
  const at = Number(parts[3]);
  if (!cert || !Number.isFinite(at) || Math.abs(now - at) > PROOF_WINDOW_MS) return null;
  return (await verify(cert.claims.k, proofData(purpose, context, at), parts[4])) ? cert : null;
}

/** A proof that is checked and whose certificate was signed with `workspaceKey`, for `room`: its claims, else null. */
export async function verifyProof(proof: string, purpose: 'server' | 'peer', context: string, room: string, workspaceKey: PublicKeyXY, now = Date.now()): Promise<Claims | null> {
  const cert = await checkProof(proof, purpose, context, now);
  if (!cert || cert.claims.r !== room || !sameKey(cert.claims.w, workspaceKey)) return null;
  return (await verifyCert(cert, workspaceKey)) ? cert.claims : null;
}

/** Whether text looks like a token (for the settings field). */
export function isToken(text: string): boolean {
  return !!readCert(text) && text.trim().split('.').length === 4;
}

export function readPublicKey(v: unknown): PublicKeyXY | undefined {
  return isXY(v) ? { x: v.x, y: v.y } : undefined;
}
