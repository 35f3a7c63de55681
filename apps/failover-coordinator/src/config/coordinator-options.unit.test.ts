import { describe, expect, it } from 'vitest';
import {
  CoordinatorConfigError,
  DEV_CLUSTER_SECRET,
  parseCoordinatorOptions,
} from './coordinator-options.js';

const noFile = (): string => {
  throw new Error('ENOENT');
};

describe('parseCoordinatorOptions', () => {
  it('takes agent addresses (comma-separated or repeated) and defaults to port 9100 on 127.0.0.1', () => {
    const options = parseCoordinatorOptions(
      [
        '--agents',
        '127.0.0.1:17000,127.0.0.1:17001',
        '--agents',
        '[::1]:17002',
        '--agents',
        '127.0.0.1:17000',
      ],
      { TESSERA_CLUSTER_SECRET: 'a secret of enough length' },
      noFile,
    );
    expect(options).toMatchObject({
      agents: ['127.0.0.1:17000', '127.0.0.1:17001', '[::1]:17002'],
      port: 9100,
      bind: '127.0.0.1',
      pollIntervalMs: 100,
      secret: 'a secret of enough length',
      insecureSecret: false,
    });
  });

  it('reads the secret from a file and falls back to the development secret', () => {
    const fromFile = parseCoordinatorOptions(
      ['--agents', 'h:1'],
      { TESSERA_CLUSTER_SECRET_FILE: '/s' },
      () => ' from-file \n',
    );
    expect(fromFile.secret).toBe('from-file');
    expect(parseCoordinatorOptions(['--agents', 'h:1'], {}, noFile)).toMatchObject({
      secret: DEV_CLUSTER_SECRET,
      insecureSecret: true,
    });
  });

  it.each([
    [[], "'agents' is required"],
    [['--agents', 'nohost'], 'is not host:port'],
    [['--agents', 'h:70000'], 'is not host:port'],
    [['--agents', 'h:1', '--port', 'x'], "'port' must be an integer"],
    [['--agents', 'h:1', '--poll-interval-ms', '1'], "'poll-interval-ms' must be in 10..60000"],
    [['--agents', 'h:1', '--bogus', 'x'], "unknown option 'bogus'"],
    [['--agents'], "'agents' needs a value"],
  ])('refuses %j with a clear error', (argv, message) => {
    expect(() => parseCoordinatorOptions(argv, {}, noFile)).toThrow(CoordinatorConfigError);
    expect(() => parseCoordinatorOptions(argv, {}, noFile)).toThrow(message);
  });
});
