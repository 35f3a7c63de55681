// A mixed workload over every data type, written once against a minimal client interface so the same
// sequence runs through ioredis and node-redis against both the data-node and redis-server; each step's
// result is recorded so the two servers' transcripts can be compared.

/** What the workload needs from a client: send one command, get its decoded reply. */
export interface WorkloadClient {
  call(...args: string[]): Promise<unknown>;
}

export type Transcript = [command: string, result: unknown][];

/** Deterministic pseudo-random numbers, so both servers see the same workload. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function step(client: WorkloadClient, transcript: Transcript, ...args: string[]): Promise<void> {
  let result: unknown;
  try {
    result = await client.call(...args);
  } catch (err) {
    result = { error: err instanceof Error ? err.message : String(err) };
  }
  transcript.push([args.join(' '), normalize(result)]);
}

function normalize(value: unknown): unknown {
  if (value instanceof Buffer) return value.toString('latin1');
  if (Array.isArray(value)) return value.map(normalize);
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [normalize(k), normalize(v)]);
  return value;
}

/** Runs `rounds` rounds of mixed commands and returns what every command answered. */
export async function runMixedWorkload(client: WorkloadClient, rounds = 200, seed = 7): Promise<Transcript> {
  const random = lcg(seed);
  const pick = (n: number) => Math.floor(random() * n);
  const t: Transcript = [];
  await step(client, t, 'FLUSHALL');
  for (let i = 0; i < rounds; i++) {
    const k = String(pick(20));
    switch (pick(12)) {
      case 0:
        await step(client, t, 'SET', `s:${k}`, `v${i}`);
        await step(client, t, 'GET', `s:${k}`);
        await step(client, t, 'APPEND', `s:${k}`, 'x');
        break;
      case 1:
        await step(client, t, 'INCRBY', `n:${k}`, String(pick(100) - 50));
        await step(client, t, 'INCRBYFLOAT', `f:${k}`, '1.5');
        break;
      case 2:
        await step(client, t, 'HSET', `h:${k}`, `f${pick(5)}`, `v${i}`, `g${pick(5)}`, String(i));
        await step(client, t, 'HGET', `h:${k}`, 'f1');
        await step(client, t, 'HLEN', `h:${k}`);
        await step(client, t, 'HINCRBY', `hc:${k}`, 'count', '3');
        break;
      case 3:
        await step(client, t, 'RPUSH', `l:${k}`, `a${i}`, `b${i}`);
        await step(client, t, 'LRANGE', `l:${k}`, '0', '-1');
        await step(client, t, 'LPOP', `l:${k}`);
        break;
      case 4:
        await step(client, t, 'SADD', `st:${k}`, `m${pick(10)}`, `m${pick(10)}`);
        await step(client, t, 'SCARD', `st:${k}`);
        await step(client, t, 'SISMEMBER', `st:${k}`, 'm3');
        await step(client, t, 'SORT', `st:${k}`, 'ALPHA');
        break;
      case 5:
        await step(client, t, 'ZADD', `z:${k}`, String(pick(100)), `m${pick(10)}`);
        await step(client, t, 'ZRANGE', `z:${k}`, '0', '-1', 'WITHSCORES');
        await step(client, t, 'ZINCRBY', `z:${k}`, '2.5', 'm1');
        await step(client, t, 'ZRANK', `z:${k}`, 'm1');
        break;
      case 6:
        await step(client, t, 'EXPIRE', `s:${k}`, '1000');
        await step(client, t, 'TTL', `s:${k}`);
        await step(client, t, 'PERSIST', `s:${k}`);
        break;
      case 7:
        await step(client, t, 'DEL', `s:${k}`, `l:${k}`);
        await step(client, t, 'EXISTS', `s:${k}`, `h:${k}`);
        break;
      case 8:
        await step(client, t, 'TYPE', `h:${k}`);
        await step(client, t, 'GET', `h:${k}`);
        break;
      case 9:
        await step(client, t, 'MSET', `m:${k}`, '1', `m:${pick(20)}`, '2');
        await step(client, t, 'MGET', `m:${k}`, `m:${pick(20)}`, 'missing');
        break;
      case 10:
        await step(client, t, 'LPUSH', `q:${k}`, String(i));
        await step(client, t, 'BLPOP', `q:${k}`, '1');
        break;
      default:
        await step(client, t, 'SETRANGE', `s:${k}`, '2', 'zz');
        await step(client, t, 'STRLEN', `s:${k}`);
        await step(client, t, 'GETRANGE', `s:${k}`, '0', '3');
    }
  }
  await step(client, t, 'DBSIZE');
  return t;
}
