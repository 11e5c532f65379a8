// `npm run server`: the optional Hocuspocus sync server (docs/SERVER.md).
//   PORT (1234), HOST (127.0.0.1), DATA_DIR (server-data), REDIS_URL (off), STORE_DELAY_MS (200).
// server/main.ts shares the token and role code with the app (src/store/sync), so it is bundled first.
import { importTs } from './lib/bundle-ts.mjs';

const { startServer, optionsFromEnv } = await importTs('server/main.ts');
const { stop } = await startServer(optionsFromEnv());
const quit = async () => { await stop(); process.exit(0); };
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
