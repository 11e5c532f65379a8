// `npm test`: every test — type check, unit tests (Node, fake-indexeddb) and browser tests in
// real Chromium. Installs Debian's Chromium with apt when it is missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const run = (cmd, args, opts = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) {
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...a) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...a] : a, { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt('update');
  apt('install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk');
}

run('npx', ['tsc', '--noEmit', '-p', '.']);
run('npx', ['vitest', 'run']);
run(process.execPath, ['scripts/e2e.mjs']);
