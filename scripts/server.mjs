// `npm run server`: the optional Hocuspocus sync server (docs/SERVER.md).
//   PORT (1234), HOST (127.0.0.1), DATA_DIR (server-data), REDIS_URL (off), STORE_DELAY_MS (200).
// server/main.ts shares the token and role code with the app (src/store/sync), so it is bundled first.
import { importTs } from './lib/bundle-ts.mjs';

const { startServer, optionsFromEnv } = await importTs('server/main.ts');
const { stop } = await startServer(optionsFromEnv());
// documents are stored on the way out; if that hangs (Redis gone), leave after 5 s anyway:
// everything acknowledged is on disk within 1 s already (docs/SERVER.md)
const quit = async () => { setTimeout(() => process.exit(0), 5000).unref(); await stop(); process.exit(0); };
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
