// Public entry of @tessera/slot: key hashing and slot ranges for Redis Cluster.
export { crc16 } from './lib/crc16.js';
