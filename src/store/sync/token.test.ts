import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { generateWorkspaceKey, issueToken, isToken, prove, readCert, verifyProof, PROOF_WINDOW_MS } from './token';
import { ACCESS_KEY, mayWriteIn, roomOf, workspaceKeyIn } from './access';
import { encodeRecord } from '../core/codec';
import { permFields, roleMayWrite, userMayWrite } from '../../domain/org/modules';

const room = 'keyuan-r1';

describe('access tokens', () => {
  it('a token proves its holder to the server for one document, signed by the workspace key', async () => {
    const ws = await generateWorkspaceKey();
    const token = await issueToken(ws.privateJwk, { room, userId: 'u1', name: '李四' });
    expect(isToken(token)).toBe(true);
    expect(token).not.toContain(ws.privateJwk.d!);
    const proof = await prove(token, 'server', `${room}.orders`);
    const claims = await verifyProof(proof, 'server', `${room}.orders`, room, ws.publicKey);
    expect(claims).toMatchObject({ r: room, u: 'u1', n: '李四' });
    expect(claims?.a).toBeUndefined();
  });

  it('refuses a proof for another purpose, context, room, key, time, or with a changed claim', async () => {
    const ws = await generateWorkspaceKey();
    const other = await generateWorkspaceKey();
    const token = await issueToken(ws.privateJwk, { room, userId: 'u1', name: 'a' });
    const proof = await prove(token, 'peer', 'nonce-1');
    expect(await verifyProof(proof, 'peer', 'nonce-1', room, ws.publicKey)).not.toBeNull();
    // a peer that received this proof cannot use it with the server or with another peer
    expect(await verifyProof(proof, 'server', 'nonce-1', room, ws.publicKey)).toBeNull();
    expect(await verifyProof(proof, 'peer', 'nonce-2', room, ws.publicKey)).toBeNull();
    expect(await verifyProof(proof, 'peer', 'nonce-1', 'keyuan-other', ws.publicKey)).toBeNull();
    expect(await verifyProof(proof, 'peer', 'nonce-1', room, other.publicKey)).toBeNull();
    expect(await verifyProof(proof, 'peer', 'nonce-1', room, ws.publicKey, Date.now() + PROOF_WINDOW_MS + 60_000)).toBeNull();
    // a token made with another workspace key that claims this one
    const forged = await issueToken(other.privateJwk, { room, userId: 'u1', name: 'a', admin: true });
    const [, body] = forged.split('.');
    const claims = JSON.parse(atob(body.replace(/-/g, '+').replace(/_/g, '/')));
    claims.w = ws.publicKey;
    const swapped = forged.replace(body, btoa(JSON.stringify(claims)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
    expect(await verifyProof(await prove(swapped, 'server', room), 'server', room, room, ws.publicKey)).toBeNull();
    // raising one's own claims breaks the signature
    const mine = readCert(token)!;
    const raised = btoa(JSON.stringify({ ...mine.claims, a: true })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(await verifyProof(await prove(token.replace(mine.body, raised), 'server', room), 'server', room, room, ws.publicKey)).toBeNull();
    expect(isToken('hello')).toBe(false);
    expect(isToken(proof)).toBe(false);
  });
});

describe('role checks', () => {
  const readOnly = { ...permFields({ customers: 'read', office: 'read' }) };
  it('a role writes when admin or with write on some module; office writes unless set', () => {
    expect(roleMayWrite({ admin: true })).toBe(true);
    expect(roleMayWrite(permFields({ customers: 'write' }))).toBe(true);
    expect(roleMayWrite(readOnly)).toBe(false);
    expect(roleMayWrite(permFields({ customers: 'read' }))).toBe(true); // office unset → write
    expect(roleMayWrite(undefined)).toBe(false);
  });

  it('a user writes only with a live role that writes', () => {
    const roles: Record<string, Record<string, unknown>> = { w: permFields({ customers: 'write' }), r: readOnly, gone: { admin: true, deleted: true } };
    const roleOf = (id: string) => roles[id];
    expect(userMayWrite({ id: 'u', roleId: 'w' }, roleOf)).toBe(true);
    expect(userMayWrite({ id: 'u', roleId: 'r' }, roleOf)).toBe(false);
    expect(userMayWrite({ id: 'u', roleId: 'gone' }, roleOf)).toBe(false);
    expect(userMayWrite({ id: 'u', roleId: 'w', active: false }, roleOf)).toBe(false);
    expect(userMayWrite({ id: 'u', roleId: 'w', deleted: true }, roleOf)).toBe(false);
    expect(userMayWrite(undefined, roleOf)).toBe(false);
  });

  it('reads users, roles and the workspace key from a core document', async () => {
    const doc = new Y.Doc();
    const rec = (id: string, v: object) => encodeRecord({ id, _c: [1, 1, 'x'], ...v } as never);
    doc.getMap('roles').set('teacher', rec('teacher', { name: 't', ...permFields({ customers: 'write' }) }));
    doc.getMap('roles').set('student', rec('student', { name: 's', ...readOnly }));
    doc.getMap('users').set('t1', rec('t1', { name: 'T', roleId: 'teacher' }));
    doc.getMap('users').set('s1', rec('s1', { name: 'S', roleId: 'student' }));
    expect(mayWriteIn(doc, 't1')).toBe(true);
    expect(mayWriteIn(doc, 's1')).toBe(false);
    expect(mayWriteIn(doc, 'nobody')).toBe(false);
    expect(workspaceKeyIn(doc)).toBeUndefined();
    const k = await generateWorkspaceKey();
    doc.getMap('meta').set(ACCESS_KEY, k.publicKey);
    expect(workspaceKeyIn(doc)).toEqual(k.publicKey);
    expect(roomOf(room, room)).toBe(true);
    expect(roomOf(`${room}.orders`, room)).toBe(true);
    expect(roomOf(`${room}x`, room)).toBe(false);
    expect(roomOf(`${room}.a.b`, room)).toBe(false);
  });
});
