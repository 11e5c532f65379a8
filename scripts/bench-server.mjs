// `npm run bench:server`: N simulated clients against the sync server (server/bench.ts).
//   CLIENTS (200), DOCS (10), SECONDS (20), RATE (edits per second per client, 1),
//   INSTANCES (2: behind a Redis started here with server/redis.conf; 1: no Redis).
import { importTs } from './lib/bundle-ts.mjs';

const { runBench } = await importTs('server/bench.ts');
await runBench();
process.exit(0);
