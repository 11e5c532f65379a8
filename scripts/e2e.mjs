// Browser tests in real Chromium. Network tests run inside a network namespace that has only
// loopback (unshare -n) when the machine allows it, so nothing can leave the machine.
import { spawnSync } from 'node:child_process';

const args = ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)];
const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'true']).status === 0 && process.env.E2E_NO_UNSHARE !== '1';
const r = canUnshare
  ? spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', 'npx', ...args], { stdio: 'inherit' })
  : spawnSync('npx', args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
