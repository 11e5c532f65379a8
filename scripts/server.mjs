// `npm run server`: the optional Hocuspocus sync server (docs/SERVER.md).
//   PORT (1234), HOST (127.0.0.1), DATA_DIR (server-data), REDIS_URL (off), STORE_DELAY_MS (200).
// server/main.ts shares the token and role code with the app (src/store/sync), so it is bundled
// first with rolldown (vite's bundler, already installed) into server/dist/.
import { build } from 'rolldown';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { rmSync } from 'node:fs';

// one bundle per process (two instances may start at once), removed once loaded
const out = resolve(`server/dist/main.${process.pid}.mjs`);
await build({
  input: 'server/main.ts',
  platform: 'node',
  // packages stay packages (node_modules); only our own TypeScript is bundled
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.includes('/src/') && !id.includes('/server/'),
  output: { file: out, format: 'esm' },
  logLevel: 'warn',
});
const { startServer, optionsFromEnv } = await import(pathToFileURL(out).href);
rmSync(out, { force: true });
const { stop } = await startServer(optionsFromEnv());
const quit = async () => { await stop(); process.exit(0); };
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
