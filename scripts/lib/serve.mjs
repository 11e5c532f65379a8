// Serve the built app (dist/) with Vite's preview server on 127.0.0.1.
import { preview } from 'vite';

export async function serveDist(port = 0, host = '127.0.0.1', outDir = 'dist') {
  const server = await preview({ build: { outDir }, preview: { port, host, strictPort: port !== 0, open: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}/`;
  return { url, close: () => new Promise((r) => server.httpServer.close(() => r())) };
}
