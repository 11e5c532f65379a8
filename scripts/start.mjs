// `npm start`: build the app, serve it on localhost and run the local signaling server.
//   PORT (default 4173) for the app, SIGNALING_PORT (default 4444), KEYUAN_LAN=1 to serve the LAN.
import { spawn, spawnSync } from 'node:child_process';
import { preview } from 'vite';

const port = Number(process.env.PORT || 4173);
const signalingPort = Number(process.env.SIGNALING_PORT || 4444);
const host = process.env.KEYUAN_LAN === '1' ? '0.0.0.0' : '127.0.0.1';

const built = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const signaling = spawn(process.execPath, ['scripts/signaling.mjs'], {
  stdio: 'inherit', env: { ...process.env, PORT: String(signalingPort) },
});
const server = await preview({ preview: { port, host, strictPort: true } });
console.log(`\n  客缘 CRM: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
console.log(`  signaling: ws://${host === '0.0.0.0' ? '<this machine>' : host}:${signalingPort}  (KEYUAN_LAN=1 opens both to the LAN)\n`);
const stop = () => { signaling.kill(); server.httpServer.close(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
