// Peer sync figures (fresh peer over WebRTC, edit latency, bytes per edit): see ../sync.mjs.
export { default } from '../sync.mjs';
