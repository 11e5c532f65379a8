import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
// @ts-expect-error plain ESM helper shared with the scripts
import { serveDist } from '../scripts/lib/serve.mjs';

/**
 * Build once, serve it on 127.0.0.1 for every browser test. E2E_OUT_DIR builds elsewhere than
 * dist/, so two engineers' test runs on one machine do not rebuild each other's app mid-test.
 */
export default async function setup(project: TestProject) {
  const outDir = process.env.E2E_OUT_DIR || 'dist';
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const server = await serveDist(0, '127.0.0.1', outDir);
  project.provide('baseUrl', server.url);
  return () => server.close();
}

declare module 'vitest' {
  export interface ProvidedContext { baseUrl: string }
}
