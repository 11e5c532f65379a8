import { afterEach, describe, expect, it } from 'vitest';
import { workerRequests } from './worker-requests';

type Answer = { id: number; part?: string; last?: boolean };

/** A stand-in worker: answers each message with two parts, the second the last. */
class EchoWorker {
  onmessage: ((e: { data: Answer }) => void) | null = null;
  onerror: (() => void) | null = null;
  terminated = false;
  postMessage(m: { id: number; text: string }): void {
    setTimeout(() => { this.onmessage?.({ data: { id: m.id, part: `${m.text}-1` } }); this.onmessage?.({ data: { id: m.id, part: `${m.text}-2`, last: true } }); }, 0);
  }
  terminate(): void { this.terminated = true; }
}

const collect = (parts: string[]) => (a: Answer, done: (v: string[]) => void) => { parts.push(a.part!); if (a.last) done(parts); };

describe('requests to a worker started on first use', () => {
  const had = globalThis.Worker;
  afterEach(() => { (globalThis as { Worker?: unknown }).Worker = had; });

  it('is null where there are no workers: the caller does the work itself', () => {
    (globalThis as { Worker?: unknown }).Worker = undefined;
    expect(workerRequests<Answer>(() => { throw new Error('never made'); }, 'stopped')((id) => ({ id }), () => {})).toBeNull();
  });

  it('starts the worker once; each request sees every answer of its own id and settles when told', async () => {
    (globalThis as { Worker?: unknown }).Worker = EchoWorker;
    let started = 0;
    const request = workerRequests<Answer>(() => { started++; return new EchoWorker() as unknown as Worker; }, 'stopped');
    const [a, b] = [request((id) => ({ id, text: 'a' }), collect([])), request((id) => ({ id, text: 'b' }), collect([]))];
    expect(await a).toEqual(['a-1', 'a-2']);
    expect(await b).toEqual(['b-1', 'b-2']);
    expect(started).toBe(1);
  });

  it('a worker that stops fails what it held, and later requests are the caller\'s again', async () => {
    (globalThis as { Worker?: unknown }).Worker = EchoWorker;
    const worker = new EchoWorker();
    worker.postMessage = () => {}; // never answers
    const request = workerRequests<Answer>(() => worker as unknown as Worker, 'the worker stopped');
    const held = request((id) => ({ id, text: 'x' }), collect([]));
    worker.onerror!();
    await expect(held).rejects.toThrow('the worker stopped');
    expect(worker.terminated).toBe(true);
    expect(request((id) => ({ id, text: 'y' }), collect([]))).toBeNull();
  });
});
