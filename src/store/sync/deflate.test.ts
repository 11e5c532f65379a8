import { describe, expect, it } from 'vitest';
import { FRAME_FINAL_Z, compressToFrames } from './deflate';
import { compressInTurn } from './deflate-off-thread';

const noisy = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => ((i * 7919 + seed) % 251) ^ (i >> 9));

describe('deflating large messages in turn', () => {
  it('a join\'s groups asked at once go out one after the other: each whole before the next starts', async () => {
    const out: string[] = [];
    const groups = ['core', 'activities', 'service'];
    await Promise.all(groups.map((g, i) => compressInTurn(noisy(2_000_000, i), 16384, (frames) => {
      for (const f of frames) out.push(`${g}${f[0] === FRAME_FINAL_Z ? ':end' : ''}`);
    })));
    const firstOf = (g: string) => out.indexOf(g);
    const endOf = (g: string) => out.indexOf(`${g}:end`);
    expect(endOf('core')).toBeLessThan(firstOf('activities'));
    expect(endOf('activities')).toBeLessThan(firstOf('service'));
    expect(out.at(-1)).toBe('service:end');
  });

  it('the next one starts once the frames of this one are handed to its channel', async () => {
    let handOver!: () => void;
    const handedOver = new Promise<void>((r) => { handOver = r; });
    const order: string[] = [];
    const first = compressInTurn(noisy(200_000, 4), 16384, () => {}, () => handedOver).then(() => order.push('first deflated'));
    const second = compressInTurn(noisy(200_000, 5), 16384, () => { if (!order.includes('second started')) order.push('second started'); });
    await first;
    await new Promise((r) => setTimeout(r, 50));
    expect(order).toEqual(['first deflated']);
    order.push('handed over');
    handOver();
    await second;
    expect(order).toEqual(['first deflated', 'handed over', 'second started']);
  });

  it('one that fails does not hold up the next', async () => {
    const bad = compressInTurn(noisy(100_000, 1), 16384, () => { throw new Error('the channel went away'); });
    const frames: Uint8Array[] = [];
    const good = compressInTurn(noisy(100_000, 3), 16384, (f) => frames.push(...f));
    await expect(bad).rejects.toBeDefined();
    await good;
    expect(frames.at(-1)![0]).toBe(FRAME_FINAL_Z);
  });

  it('frames a deflated output of exactly whole frames with a full final frame', async () => {
    const frames: Uint8Array[] = [];
    await compressToFrames(noisy(500_000, 9), 1000, (f) => frames.push(...f));
    expect(frames.slice(0, -1).every((f) => f.length === 1000 && f[0] !== FRAME_FINAL_Z)).toBe(true);
    expect(frames.at(-1)![0]).toBe(FRAME_FINAL_Z);
    expect(frames.at(-1)!.length).toBeGreaterThan(1);
  });
});
