import { describe, expect, it } from 'vitest';
import { AgentConfigError, DEV_CLUSTER_SECRET, parseAgentOptions } from './agent-options.js';

const noFile = (): string => {
  throw new Error('ENOENT');
};

describe('parseAgentOptions', () => {
  it('takes redis-server directive names and defaults the bus port to port + 10000', () => {
    const options = parseAgentOptions(
      [
        '--port',
        '7000',
        '--cluster-node-timeout',
        '5000',
        '--dir',
        '/data',
        '--cluster-config-file',
        'nodes-7000.conf',
      ],
      { TESSERA_CLUSTER_SECRET: 'a secret of enough length' },
      noFile,
    );
    expect(options).toMatchObject({
      port: 7000,
      busPort: 17000,
      nodeTimeout: 5000,
      configFile: '/data/nodes-7000.conf',
      bind: '0.0.0.0',
      secret: 'a secret of enough length',
      insecureSecret: false,
    });
  });

  it('reads the secret from a file and falls back to the development secret', () => {
    const fromFile = parseAgentOptions(
      ['--port', '1'],
      { TESSERA_CLUSTER_SECRET_FILE: '/s' },
      () => ' s3cret-from-file \n',
    );
    expect(fromFile.secret).toBe('s3cret-from-file');
    const none = parseAgentOptions(['--port', '1'], {}, noFile);
    expect(none).toMatchObject({ secret: DEV_CLUSTER_SECRET, insecureSecret: true });
  });

  it('takes the failover directives with Redis defaults', () => {
    expect(parseAgentOptions(['--port', '1'], {}, noFile)).toMatchObject({
      replicaValidityFactor: 10,
      migrationBarrier: 1,
      replicaNoFailover: false,
    });
    const set = parseAgentOptions(
      [
        '--port',
        '1',
        '--cluster-replica-validity-factor',
        '0',
        '--cluster-migration-barrier',
        '2',
        '--cluster-replica-no-failover',
        'yes',
      ],
      {},
      noFile,
    );
    expect(set).toMatchObject({ replicaValidityFactor: 0, migrationBarrier: 2, replicaNoFailover: true });
  });

  it.each([
    [[], "'port' is required"],
    [['--port', '70000'], "'port' must be in 1..65535"],
    [['--port', '60000'], 'bus port 70000 is above 65535'],
    [['--port', '1', '--bogus', 'x'], "unknown directive 'bogus'"],
    [['--port', '1', '--cluster-require-full-coverage', 'maybe'], 'must be yes or no'],
    [['--port'], "'port' needs a value"],
    [['port', '1'], 'expected --<directive>'],
  ])('refuses %j with a clear error', (argv, message) => {
    expect(() => parseAgentOptions(argv, {}, noFile)).toThrow(AgentConfigError);
    expect(() => parseAgentOptions(argv, {}, noFile)).toThrow(message);
  });
});
