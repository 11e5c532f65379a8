// The app plus the bench page, built into .bench/dist (no service worker: the bench measures
// cold opens from IndexedDB, not from the SW cache; the app build itself is unchanged).
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { resolve } from 'node:path';

export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  base: './',
  plugins: [solid()],
  resolve: { alias: { 'virtual:pwa-register/solid': resolve(import.meta.dirname, 'pwa-stub.mjs') } },
  build: {
    outDir: '.bench/dist', emptyOutDir: true, target: 'es2022', minify: !process.env.BENCH_NOMINIFY,
    rolldownOptions: { input: { index: 'index.html', bench: 'scripts/bench/page/bench.html', baseline: 'scripts/bench/page/baseline.html' } },
  },
  worker: { format: 'es' },
  logLevel: 'warn',
});
