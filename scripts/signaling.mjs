// y-webrtc's own signaling server, bound to 127.0.0.1 unless KEYUAN_LAN=1 opens it to the
// classroom LAN. Its server.js calls listen(port) on every interface; we pin the host first.
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const host = process.env.KEYUAN_LAN === '1' ? '0.0.0.0' : process.env.SIGNALING_HOST || '127.0.0.1';
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
  const callback = rest.find((a) => typeof a === 'function');
  return listen.call(this, port, host, callback);
};
// y-webrtc's package exports hide package.json: find its folder through its main entry (dist/)
const main = createRequire(import.meta.url).resolve('y-webrtc');
await import(pathToFileURL(join(dirname(main), '..', 'bin', 'server.js')).href);
