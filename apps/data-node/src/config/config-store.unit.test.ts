import { describe, expect, it } from 'vitest';
import { ConfigError, ConfigErrorCode, ConfigStore } from './config-store.js';

function errorOf(action: () => void): ConfigError {
  try {
    action();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('ConfigStore', () => {
  it('starts from the schema defaults and parses memory units', () => {
    const config = new ConfigStore();
    expect(config.getNumber('maxclients')).toBe(10000);
    config.set('maxmemory', '2gb');
    expect(config.get('maxmemory')).toBe(String(2 * 1024 ** 3));
    config.set('maxmemory', '2G');
    expect(config.getNumber('maxmemory')).toBe(2e9);
  });

  it('stores nothing from setMany when one value is invalid, and notifies listeners only on success', () => {
    const config = new ConfigStore();
    const changes: string[] = [];
    config.onChange((name, value) => changes.push(`${name}=${value}`));
    const error = errorOf(() =>
      config.setMany([
        ['timeout', '5'],
        ['maxclients', 'many'],
      ]),
    );
    expect(error.directive).toBe('maxclients');
    expect(error.message).toBe("argument couldn't be parsed into an integer");
    expect(config.get('timeout')).toBe('0');
    expect(changes).toEqual([]);
    config.setMany([
      ['timeout', '5'],
      ['maxclients', '20'],
    ]);
    expect(changes).toEqual(['timeout=5', 'maxclients=20']);
  });

  it('names unknown directives with a stable code', () => {
    const error = errorOf(() => new ConfigStore().setMany([['nosuch', '1']]));
    expect(error.code).toBe(ConfigErrorCode.unknown);
    expect(error.message).toBe("Unknown option or number of arguments for CONFIG SET - 'nosuch'");
  });

  it('allows immutable directives and repeats only at start-up', () => {
    const config = new ConfigStore();
    expect(errorOf(() => config.set('port', '7000')).message).toBe("can't set immutable config");
    config.set('port', '7000', true);
    config.setMany(
      [
        ['client-output-buffer-limit', 'normal 1 1 1'],
        ['client-output-buffer-limit', 'pubsub 2 2 2'],
      ],
      true,
    );
    expect(config.get('client-output-buffer-limit')).toBe(
      'normal 1 1 1 slave 268435456 67108864 60 pubsub 2 2 2',
    );
    expect(config.explicit.has('port')).toBe(true);
  });

  it('accepts aliases and lists enum values in Redis order when refusing one', () => {
    const config = new ConfigStore();
    config.set('slave-read-only', 'no');
    expect(config.get('replica-read-only')).toBe('no');
    expect(errorOf(() => config.set('maxmemory-policy', 'lru')).message).toBe(
      'argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction',
    );
  });

  it('checks latency-tracking-info-percentiles', () => {
    const config = new ConfigStore();
    expect(errorOf(() => config.set('latency-tracking-info-percentiles', '50 abc')).message).toBe(
      'Invalid latency-tracking-info-percentiles parameters',
    );
    expect(errorOf(() => config.set('latency-tracking-info-percentiles', '50 101')).message).toBe(
      'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]',
    );
    config.set('latency-tracking-info-percentiles', '  90   99.99 ');
    expect(config.get('latency-tracking-info-percentiles')).toBe('90 99.99');
  });
});
