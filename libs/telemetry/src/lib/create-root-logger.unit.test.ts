import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRootLogger } from './create-root-logger.js';
import { InvalidLogLevelError } from './errors.js';

const NODE_ID = '07c37dfeb235213a872192d90877d0cd55635b91';

/** A pino destination that keeps each written NDJSON line as a parsed object. */
function captureLines(): { write(line: string): void; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  return { lines, write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) };
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createRootLogger', () => {
  it('writes one JSON line per call with service, nodeId, level, time and msg', () => {
    const out = captureLines();
    const log = createRootLogger({ service: 'data-node', nodeId: NODE_ID, level: 'info', destination: out });

    log.info({ port: 7000 }, 'listening');

    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatchObject({
      level: 30,
      service: 'data-node',
      nodeId: NODE_ID,
      port: 7000,
      msg: 'listening',
    });
    expect(typeof out.lines[0]?.['time']).toBe('number');
  });

  it('binds only service when no nodeId is given, and neither pid nor hostname', () => {
    const out = captureLines();
    createRootLogger({ service: 'monitor-api', level: 'info', destination: out }).info('up');

    expect(out.lines[0]).not.toHaveProperty('nodeId');
    expect(out.lines[0]).not.toHaveProperty('pid');
    expect(out.lines[0]).not.toHaveProperty('hostname');
    expect(out.lines[0]).toMatchObject({ service: 'monitor-api', msg: 'up' });
  });

  it('redacts password, requirepass, masterauth, any *.password and everything under auth', () => {
    const out = captureLines();
    const log = createRootLogger({ service: 'data-node', level: 'info', destination: out });

    log.info(
      {
        password: 'p1',
        requirepass: 'p2',
        masterauth: 'p3',
        client: { user: 'alice', password: 'p4' },
        auth: { user: 'bob', token: 'p5' },
        key: 'user:1',
      },
      'config loaded',
    );

    expect(out.lines[0]).toMatchObject({
      password: '[REDACTED]',
      requirepass: '[REDACTED]',
      masterauth: '[REDACTED]',
      client: { user: 'alice', password: '[REDACTED]' },
      auth: { user: '[REDACTED]', token: '[REDACTED]' },
      key: 'user:1',
    });
    expect(JSON.stringify(out.lines[0])).not.toMatch(/p[1-5]"/);
  });

  it('drops lines below the level option', () => {
    const out = captureLines();
    const log = createRootLogger({ service: 'data-node', level: 'warn', destination: out });

    log.info('hidden');
    log.debug('hidden');
    log.warn('shown');
    log.error('shown too');

    expect(out.lines.map((line) => line['msg'])).toEqual(['shown', 'shown too']);
  });

  it('takes the level from LOG_LEVEL when the option is absent', () => {
    vi.stubEnv('LOG_LEVEL', 'debug');
    const out = captureLines();
    const log = createRootLogger({ service: 'data-node', destination: out });

    log.debug('visible at debug');
    log.trace('hidden at debug');

    expect(log.level).toBe('debug');
    expect(out.lines.map((line) => line['msg'])).toEqual(['visible at debug']);
  });

  it('prefers the level option over LOG_LEVEL', () => {
    vi.stubEnv('LOG_LEVEL', 'trace');
    expect(createRootLogger({ service: 's', level: 'error', destination: captureLines() }).level).toBe(
      'error',
    );
  });

  it('defaults to info when neither the option nor LOG_LEVEL is set', () => {
    vi.stubEnv('LOG_LEVEL', '');
    expect(createRootLogger({ service: 's', destination: captureLines() }).level).toBe('info');
  });

  it('rejects an unknown LOG_LEVEL with a typed error that names the variable and the valid levels', () => {
    vi.stubEnv('LOG_LEVEL', 'verbose');
    const error = thrownBy(() => createRootLogger({ service: 's', destination: captureLines() }));

    expect(error).toBeInstanceOf(InvalidLogLevelError);
    expect(error).toMatchObject({ code: 'RC_ERR_TELEMETRY_LOG_LEVEL_INVALID' });
    expect((error as Error).message).toMatch(/^LOG_LEVEL is "verbose"; set it to one of fatal, error, warn/);
  });

  it('rejects an unknown level option and says it was the option', () => {
    const error = thrownBy(() =>
      createRootLogger({ service: 's', level: 'INFO', destination: captureLines() }),
    );
    expect((error as Error).message).toMatch(/^option `level` is "INFO"/);
  });

  it('serialises an error logged as {err} with its type, message and stack', () => {
    const out = captureLines();
    createRootLogger({ service: 's', level: 'info', destination: out }).error(
      { err: new RangeError('slot 16384 out of range') },
      'bad slot',
    );

    expect(out.lines[0]?.['err']).toMatchObject({ type: 'RangeError', message: 'slot 16384 out of range' });
    expect(String((out.lines[0]?.['err'] as { stack: string }).stack)).toContain('RangeError');
  });
});
