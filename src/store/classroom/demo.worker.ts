import { buildDemo, type DemoRequest } from './demo-build';

// The demo's sample company, built off the page's thread (store/classroom/demo.ts).
self.onmessage = (e: MessageEvent<DemoRequest>) => {
  try {
    const state = buildDemo(e.data);
    (self as unknown as Worker).postMessage({ ok: true, state }, state.sections.map(([, u]) => u.buffer as ArrayBuffer));
  } catch (err) {
    (self as unknown as Worker).postMessage({ ok: false, error: String(err) });
  }
};
