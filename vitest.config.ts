import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

// Unit tests run in Node: domain rules directly, the store over fake-indexeddb.
export default defineConfig({
  resolve: {
    // Solid's reactive build (the one browsers get): under Node's export condition Solid resolves
    // to its server build, where a memo never re-runs, and the UI context's readers could not be tested
    alias: [{ find: /^solid-js$/, replacement: fileURLToPath(new URL('./node_modules/solid-js/dist/solid.js', import.meta.url)) }],
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'server/**/*.test.ts'],
    // at least two files at a time: vitest's default (cores − 1) runs one at a time on a 2-core
    // machine while its main process mostly waits (measured there: 110 s → 63 s for all of them)
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
