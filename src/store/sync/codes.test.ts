import { describe, it, expect } from 'vitest';
import { decodeInvite, encodeInvite, inviteLink } from './codes';
import { checkServerUrl, defaultSignaling, parseIceServers, formatIceServers, normalize } from './settings';

describe('join codes', () => {
  it('round-trip through a code and a link, never carrying a password', () => {
    const inv = { name: '营销1班第2组', room: 'keyuan-abc', signaling: ['ws://192.168.1.10:4444'], websocket: 'wss://yjs.example.edu', iceServers: [{ urls: 'stun:stun.example.edu:3478' }] };
    const code = encodeInvite(inv);
    expect(code).toMatch(/^KY1\.[A-Za-z0-9_-]+$/);
    expect(decodeInvite(code)).toEqual(inv);
    const link = inviteLink(code, { origin: 'http://192.168.1.10:4173', pathname: '/' });
    expect(link).toBe(`http://192.168.1.10:4173/#/?join=${code}`);
    expect(decodeInvite(link)).toEqual(inv);
    expect(code.includes('password')).toBe(false);
  });

  it('carries a sync server and, in a code made for one person, their token', () => {
    const inv = { name: 'n', room: 'keyuan-x', signaling: [], server: 'wss://sync.example.edu', token: 'KT1.a.b.c' };
    expect(decodeInvite(encodeInvite(inv))).toMatchObject(inv);
    const everyone = decodeInvite(encodeInvite({ ...inv, token: undefined }))!;
    expect(everyone.server).toBe('wss://sync.example.edu');
    expect(everyone.token).toBeUndefined();
  });

  it('refuses what is not a code', () => {
    for (const s of ['', 'hello', 'KY1.!!!', 'KY1.e30', `KY1.${btoa('{"v":1,"r":5}')}`]) expect(decodeInvite(s)).toBeNull();
  });
});

describe('sync settings', () => {
  it('defaults to the page host on port 4444, never a public server', () => {
    expect(defaultSignaling({ protocol: 'http:', hostname: '192.168.1.10' })).toEqual(['ws://192.168.1.10:4444']);
    expect(defaultSignaling({ protocol: 'https:', hostname: 'crm.example.edu' })).toEqual(['wss://crm.example.edu:4444']);
    expect(defaultSignaling({ protocol: 'file:', hostname: '' })).toEqual([]);
  });

  it('checks server addresses', () => {
    expect(checkServerUrl('ws://127.0.0.1:4444', 'http:')).toBeNull();
    expect(checkServerUrl('http://x', 'http:')).toBe('sync.urlInvalid');
    expect(checkServerUrl('not a url', 'http:')).toBe('sync.urlInvalid');
    expect(checkServerUrl('ws://x:4444', 'https:')).toBe('sync.urlInsecure');
  });

  it('reads ICE servers one per line', () => {
    const { servers, bad } = parseIceServers('stun:stun.l:3478\nturn:t.example:3478 user secret\nturn:x:1\nhello');
    expect(servers).toEqual([{ urls: 'stun:stun.l:3478' }, { urls: 'turn:t.example:3478', username: 'user', credential: 'secret' }]);
    expect(bad).toEqual(['turn:x:1', 'hello']);
    expect(formatIceServers(servers)).toBe('stun:stun.l:3478\nturn:t.example:3478 user secret');
  });

  it('repairs stored settings', () => {
    expect(normalize({ enabled: 'yes', signaling: [1, 'ws://a:1'], backupDays: -1 })).toMatchObject({ enabled: true, signaling: ['ws://a:1'], backupDays: 7 });
  });
});
