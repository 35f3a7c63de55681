// The shared cluster secret the data-node proves on every call to its gossip-agent (and hands to the agent it
// spawns, in its environment): `cluster-bus-secret`, else the trimmed content of `cluster-bus-secret-file`,
// else the fixed development secret, which the agent also falls back to, so a laptop cluster works with no
// configuration while the caller warns that the bus is unprotected. The secret is never logged. The only I/O
// is reading the secret file, through an injected reader.
import { readFileSync } from 'node:fs';
import { BUS_SECRET_MIN_BYTES } from '@tessera/proto';
import { ConfigError, ConfigErrorCode, type ConfigStore } from '../config/config-store.js';

/** What every node uses when no secret is configured (the gossip-agent has the same default). */
export const DEV_CLUSTER_SECRET = 'tessera-insecure-development-secret';

/** The environment variable a spawned gossip-agent reads its secret from (never argv, which `ps` shows). */
export const CLUSTER_SECRET_ENV = 'TESSERA_CLUSTER_SECRET';

export interface ClusterSecret {
  readonly secret: string;
  /** True when it is DEV_CLUSTER_SECRET: anyone who knows the project can talk to the bus. */
  readonly insecure: boolean;
}

/** Throws ConfigError (naming the directive) for an unreadable or empty file and a too short secret. */
export function resolveClusterSecret(
  config: ConfigStore,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): ClusterSecret {
  const direct = config.get('cluster-bus-secret');
  if (direct !== '') return checked(direct, 'cluster-bus-secret');
  const file = config.get('cluster-bus-secret-file');
  if (file === '') return { secret: DEV_CLUSTER_SECRET, insecure: true };
  let text: string;
  try {
    text = readFile(file);
  } catch (err) {
    throw new ConfigError(`cluster-bus-secret-file: cannot read ${file}: ${(err as Error).message}`, {
      cause: err,
      code: ConfigErrorCode.file,
      directive: 'cluster-bus-secret-file',
    });
  }
  const secret = text.trim();
  if (secret === '') {
    throw new ConfigError(`cluster-bus-secret-file: ${file} is empty`, {
      code: ConfigErrorCode.invalid,
      directive: 'cluster-bus-secret-file',
    });
  }
  return checked(secret, 'cluster-bus-secret-file');
}

function checked(secret: string, directive: string): ClusterSecret {
  if (Buffer.byteLength(secret, 'utf8') < BUS_SECRET_MIN_BYTES) {
    throw new ConfigError(
      `${directive}: the cluster secret must have at least ${BUS_SECRET_MIN_BYTES} bytes (use random ones)`,
      { code: ConfigErrorCode.invalid, directive },
    );
  }
  return { secret, insecure: false };
}
