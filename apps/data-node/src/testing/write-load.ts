// Test support for replication: a client that keeps writing a mix of commands whose propagation is rewritten
// (relative TTLs, float increments, random pops, blocking pops served at once, transactions, deletions, keys
// that expire) until stopped, so that a replica syncing meanwhile must end up with exactly the master's data.
// Keys are spread over `keys` names (hash-tagged per group so multi-key commands stay in one slot).
import type { Redis } from 'ioredis';

export interface WriteLoad {
  /**
   * Stops after the batch in flight and waits until the keys it gave a very short TTL (30 ms) have expired,
   * so that datasets compared next do not change under the comparison; resolves with the commands sent.
   */
  stop(): Promise<number>;
}

/** Pipelines of ~`batch` mixed writes on keys `<prefix>{g}:n`, one after the other until stopped. */
export function startWriteLoad(
  client: Redis,
  prefix: string,
  options: { keys?: number; batch?: number } = {},
): WriteLoad {
  const keys = options.keys ?? 2000;
  const batch = options.batch ?? 200;
  let running = true;
  let sent = 0;
  let round = 0;
  const loop = (async () => {
    while (running) {
      const pipeline = client.pipeline();
      for (let i = 0; i < batch; i++) {
        const n = (round * 7919 + i * 104_729) % keys;
        const key = `${prefix}{${n % 50}}:${n}`;
        addCommand(pipeline, key, `${prefix}{${n % 50}}`, (round + i) % 16, n);
      }
      sent += batch;
      round++;
      await pipeline.exec();
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await new Promise((resolve) => setTimeout(resolve, 100));
      return sent;
    },
  };
}

function addCommand(
  pipeline: ReturnType<Redis['pipeline']>,
  key: string,
  tag: string,
  kind: number,
  n: number,
): void {
  switch (kind) {
    case 0:
      pipeline.set(key, `v${n}`, 'EX', 1000);
      break;
    case 1:
      pipeline.incrbyfloat(`${tag}:float`, 0.1);
      break;
    case 2:
      pipeline.lpush(`${tag}:list`, `e${n}`, `f${n}`);
      break;
    case 3:
      pipeline.blpop(`${tag}:list`, `${tag}:other`, 0.01);
      break;
    case 4:
      pipeline.sadd(`${tag}:set`, `m${n}`, `m${n + 1}`, `m${n + 2}`);
      break;
    case 5:
      pipeline.spop(`${tag}:set`);
      break;
    case 6:
      pipeline.hset(`${tag}:hash`, `f${n % 20}`, `${n}`);
      pipeline.hincrbyfloat(`${tag}:hash`, 'score', 1.5);
      break;
    case 7:
      pipeline.zadd(`${tag}:zset`, n, `z${n}`);
      pipeline.zpopmin(`${tag}:zset`);
      break;
    case 8:
      pipeline.set(key, `short${n}`, 'PX', 30); // expires on the master while the load runs
      break;
    case 9:
      pipeline.expire(key, 500);
      pipeline.pexpire(`${tag}:list`, 100_000);
      break;
    case 10:
      pipeline.call('MULTI');
      pipeline.incr(`${tag}:counter`);
      pipeline.rpoplpush(`${tag}:list`, `${tag}:other`);
      pipeline.call('EXEC');
      break;
    case 11:
      pipeline.getdel(key);
      break;
    case 12:
      pipeline.setex(key, 300, `sx${n}`);
      pipeline.getex(key, 'PX', 200_000);
      break;
    case 13:
      pipeline.spop(`${tag}:set`, 2);
      break;
    case 14:
      pipeline.call('LMPOP', '2', `${tag}:other`, `${tag}:list`, 'RIGHT', 'COUNT', '2');
      break;
    default:
      pipeline.del(key);
      pipeline.expire(`${tag}:counter`, 0); // a time already past: deleted, propagated as DEL
  }
}
