import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { FRAME_FINAL, Reassembler, inspectMessage, toFrames, chunkSize, compress, compressToFrames, decompress } from './guard';

const syncMsg = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  write(e);
  return encoding.toUint8Array(e);
};

describe('framing of peer messages', () => {
  it('cuts a message into frames below the limit and joins them back', () => {
    const msg = Uint8Array.from({ length: 300_000 }, (_, i) => i % 251);
    const frames = toFrames(msg, 65536);
    expect(frames.every((f) => f.length <= 65536)).toBe(true);
    expect(frames).toHaveLength(5);
    const r = new Reassembler(1_000_000);
    const results = frames.map((f) => r.push(f));
    expect(results.slice(0, -1).every((x) => x.kind === 'partial')).toBe(true);
    const last = results[results.length - 1];
    expect(last.kind).toBe('message');
    expect(last.kind === 'message' && Buffer.from(last.message).equals(Buffer.from(msg))).toBe(true);
    expect(toFrames(new Uint8Array(0), 100)).toEqual([Uint8Array.of(FRAME_FINAL)]);
  });

  it('drops a message over the limit without holding it, and bad frames', () => {
    const r = new Reassembler(100_000);
    const frames = toFrames(new Uint8Array(250_000), 16384);
    const out = frames.map((f) => r.push(f));
    expect(out[out.length - 1]).toEqual({ kind: 'rejected', reason: 'too-large' });
    expect(r.push(Uint8Array.of(7, 1, 2))).toEqual({ kind: 'rejected', reason: 'bad-frame' });
    // the next message is fine again
    const ok = r.push(toFrames(Uint8Array.of(1, 2, 3), 100)[0]);
    expect(ok.kind).toBe('message');
  });

  it('uses the channel limit, at most 64 KiB', () => {
    expect(chunkSize(262144)).toBe(65536);
    expect(chunkSize(16384)).toBe(16384);
    expect(chunkSize(undefined)).toBe(16384);
  });
});

describe('inspection before y-webrtc applies a message', () => {
  const doc = new Y.Doc();
  doc.getMap('customers').set('a', { id: 'a', name: 'X' });

  it('accepts sync steps, updates and presence, with what they say', () => {
    const s1 = inspectMessage(syncMsg((e) => syncProtocol.writeSyncStep1(e, doc)));
    expect(s1.ok && s1.kind === 'step1' && s1.stateVector.get(doc.clientID)).toBe(1);
    const s2 = inspectMessage(syncMsg((e) => syncProtocol.writeSyncStep2(e, doc)));
    expect(s2.ok && s2.kind).toBe('step2');
    const aw = new Awareness(doc);
    aw.setLocalState({ user: { id: 'u', name: 'A' } });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(aw, [doc.clientID]));
    const a = inspectMessage(encoding.toUint8Array(e));
    expect(a.ok && a.kind === 'awareness' && a.clients).toEqual([doc.clientID]);
    aw.destroy();
  });

  it('refuses oversized updates, unknown types and garbage', () => {
    const big = syncMsg((e) => syncProtocol.writeUpdate(e, new Uint8Array(2000)));
    expect(inspectMessage(big, { update: 1000, stateVector: 100, awareness: 100 })).toMatchObject({ ok: false, reason: 'too-large' });
    expect(inspectMessage(Uint8Array.of(4, 1, 3, 65, 66, 67))).toMatchObject({ ok: false, reason: 'unknown-type' });
    expect(inspectMessage(Uint8Array.of(0, 1, 200))).toMatchObject({ ok: false, reason: 'malformed' });
    expect(inspectMessage(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('compression of large messages', () => {
  it('deflates a workspace-sized message and inflates it back, marked on its last frame', async () => {
    const doc = new Y.Doc();
    const m = doc.getMap('customers');
    doc.transact(() => { for (let i = 0; i < 3000; i++) m.set(`c${i}`, { id: `c${i}`, name: `华东机械 ${i}`, phone: `021-${1000 + i}`, region: 'east' }); });
    const update = Y.encodeStateAsUpdate(doc);
    const z = await compress(update);
    expect(z.length).toBeLessThan(update.length / 2);
    const r = new Reassembler(10_000_000);
    const out = toFrames(z, 16384, true).map((f) => r.push(f));
    const last = out[out.length - 1];
    expect(last.kind === 'message' && last.compressed).toBe(true);
    const back = await decompress(last.kind === 'message' ? last.message : new Uint8Array(), 10_000_000);
    expect(Buffer.from(back).equals(Buffer.from(update))).toBe(true);
  });

  it('streams the deflated frames as they come: the same frames as compressing first, in several batches', async () => {
    const data = new Uint8Array(3_000_000);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251 ^ (i >> 9); // compresses, but not to nothing
    const batches: Uint8Array[][] = [];
    await compressToFrames(data, 16384, (frames) => batches.push(frames));
    expect(batches.length).toBeGreaterThan(2);
    const frames = batches.flat();
    expect(frames.every((f) => f.length <= 16384)).toBe(true);
    expect(frames.map((f) => Buffer.from(f).toString('hex'))).toEqual(toFrames(await compress(data), 16384, true).map((f) => Buffer.from(f).toString('hex')));
    const r = new Reassembler(10_000_000);
    const last = frames.map((f) => r.push(f)).at(-1)!;
    expect(last.kind === 'message' && last.compressed).toBe(true);
    const back = await decompress(last.kind === 'message' ? last.message : new Uint8Array(), 10_000_000);
    expect(Buffer.from(back).equals(Buffer.from(data))).toBe(true);
  });

  it('stops inflating past the limit (a small message must not unpack into gigabytes)', async () => {
    const bomb = await compress(new Uint8Array(5_000_000));
    expect(bomb.length).toBeLessThan(20_000);
    await expect(decompress(bomb, 1_000_000)).rejects.toThrow('too-large');
    await expect(decompress(Uint8Array.of(1, 2, 3, 4), 1000)).rejects.toThrow();
  });
});
