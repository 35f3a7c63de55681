import { describe, expect, it } from 'vitest';
import { componentLogger } from './component-logger.js';
import { createRootLogger } from './create-root-logger.js';
import { InvalidComponentNameError } from './errors.js';

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

const NODE_ID = 'e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca';

describe('componentLogger', () => {
  it('binds component on every line while keeping the root service and nodeId', () => {
    const out = captureLines();
    const root = createRootLogger({ service: 'data-node', nodeId: NODE_ID, level: 'info', destination: out });

    const server = componentLogger(root, 'data-node:server');
    server.info({ port: 7000 }, 'listening');
    root.info('root line');

    expect(out.lines[0]).toMatchObject({
      service: 'data-node',
      nodeId: NODE_ID,
      component: 'data-node:server',
      port: 7000,
      msg: 'listening',
    });
    expect(out.lines[1]).not.toHaveProperty('component');
  });

  it('writes the component once when the component adds per-request children', () => {
    const raw: string[] = [];
    const root = createRootLogger({
      service: 'gossip-agent',
      level: 'info',
      destination: { write: (l) => raw.push(l) },
    });

    componentLogger(root, 'gossip-agent:bus').child({ peer: '10.0.0.2:17001' }).info('meet');

    expect(raw[0]?.match(/"component"/g)).toHaveLength(1);
    expect(JSON.parse(raw[0] ?? '')).toMatchObject({ component: 'gossip-agent:bus', peer: '10.0.0.2:17001' });
  });

  it('inherits the root level', () => {
    const out = captureLines();
    const log = componentLogger(createRootLogger({ service: 's', level: 'warn', destination: out }), 'a:b');

    log.info('hidden');
    log.warn('shown');

    expect(out.lines.map((line) => line['msg'])).toEqual(['shown']);
  });

  it.each(['', 'Data-Node', 'data node', 'data-node:', ':server', 'data-node::server', '1st', 'a.b'])(
    'rejects the malformed name %j with code RC_ERR_TELEMETRY_COMPONENT_NAME_INVALID',
    (name) => {
      const root = createRootLogger({ service: 's', level: 'info', destination: captureLines() });
      const error = thrownBy(() => componentLogger(root, name));

      expect(error).toBeInstanceOf(InvalidComponentNameError);
      expect(error).toMatchObject({ code: 'RC_ERR_TELEMETRY_COMPONENT_NAME_INVALID' });
    },
  );

  it('refuses a component logger as parent and suggests the joined name', () => {
    const root = createRootLogger({ service: 's', level: 'info', destination: captureLines() });
    const server = componentLogger(root, 'data-node:server');

    const error = thrownBy(() => componentLogger(server, 'conn'));

    expect(error).toBeInstanceOf(InvalidComponentNameError);
    expect((error as Error).message).toContain("componentLogger(root, 'data-node:server:conn')");
  });
});
