// Browser tests in real Chromium. Network tests run inside a network namespace that has only
// loopback (unshare -n) when the machine allows it, so nothing can leave the machine.
import { spawnSync } from 'node:child_process';

const args = ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)];
const canUnshare = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'true']).status === 0 && process.env.E2E_NO_UNSHARE !== '1';
// Chromium calls a machine with only loopback offline (navigator.onLine false), so the tests could
// not tell an offline device from one on a network: a veth pair whose both ends stay inside the
// namespace is a network that leads nowhere (no route out). Where veth is missing, loopback only.
const NET = 'ip link set lo up && { ip link add keyuan0 type veth peer name keyuan1 && ip addr add 10.254.0.1/30 dev keyuan0 && ip link set keyuan0 up && ip link set keyuan1 up || true; } && exec "$@"';
const r = canUnshare
  ? spawnSync('unshare', ['-n', 'sh', '-c', NET, 'sh', 'npx', ...args], { stdio: 'inherit' })
  : spawnSync('npx', args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
