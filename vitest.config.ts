import { defineConfig } from 'vitest/config';

// Unit tests run in Node: domain rules directly, the store over fake-indexeddb.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
