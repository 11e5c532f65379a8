/**
 * Requests to a worker started on first use, each answered by one or more messages that carry
 * its id. Where there are no workers (Node), or the worker cannot start, `request` returns null
 * and the caller does the work on its own thread; a worker that stops fails what it held, and
 * every later request is the caller's again.
 */
export function workerRequests<Answer extends { id: number }>(start: () => Worker, stopped: string) {
  let worker: Worker | null | undefined;
  let nextId = 0;
  const waiting = new Map<number, { onAnswer: (answer: Answer) => void; reject: (e: Error) => void }>();

  const running = (): Worker | null => {
    if (worker !== undefined) return worker;
    if (typeof Worker === 'undefined') return (worker = null);
    try {
      worker = start();
    } catch {
      return (worker = null);
    }
    worker.onmessage = (e: MessageEvent<Answer>) => waiting.get(e.data.id)?.onAnswer(e.data);
    worker.onerror = () => {
      worker?.terminate();
      worker = null;
      for (const w of waiting.values()) w.reject(new Error(stopped));
      waiting.clear();
    };
    return worker;
  };

  /** Post `message(id)`; `onAnswer` sees each answer of that id and settles the request with `done` or `fail`. */
  return function request<T>(message: (id: number) => unknown,
    onAnswer: (answer: Answer, done: (value: T) => void, fail: (e: Error) => void) => void): Promise<T> | null {
    const w = running();
    if (!w) return null;
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      const settle = <V>(f: (v: V) => void) => (v: V) => { waiting.delete(id); f(v); };
      waiting.set(id, { onAnswer: (a) => onAnswer(a, settle(resolve), settle(reject)), reject });
      w.postMessage(message(id));
    });
  };
}
