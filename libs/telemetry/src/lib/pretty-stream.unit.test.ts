import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { loadPinoPretty, prettyStreamForTerminal, type PrettyFactory } from './pretty-stream.js';
import { createRootLogger } from './create-root-logger.js';
import { componentLogger } from './component-logger.js';

describe('prettyStreamForTerminal', () => {
  it('chooses NDJSON (no stream) when stdout is not a terminal, without loading pino-pretty', () => {
    const load = vi.fn(loadPinoPretty);

    expect(prettyStreamForTerminal({ isTTY: false }, load)).toBeUndefined();
    expect(prettyStreamForTerminal({}, load)).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
  });

  it('falls back to NDJSON when stdout is a terminal but pino-pretty is not installed', () => {
    expect(prettyStreamForTerminal({ isTTY: true }, () => undefined)).toBeUndefined();
  });

  it('finds pino-pretty in this workspace, where it is a devDependency', () => {
    expect(typeof loadPinoPretty()).toBe('function');
  });

  it('pretty-prints through the real pino-pretty when stdout is a terminal', async () => {
    const chunks: string[] = [];
    const firstLine = new Promise<void>((resolve) => {
      const sink = new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk.toString('utf8'));
          resolve();
          done();
        },
      });
      const real = loadPinoPretty() as PrettyFactory;
      const toSink: PrettyFactory = (options) => real({ ...options, colorize: false, destination: sink });
      const stream = prettyStreamForTerminal({ isTTY: true }, () => toSink);
      if (stream === undefined) throw new Error('expected a pretty stream');
      const root = createRootLogger({ service: 'data-node', level: 'info', destination: stream });
      componentLogger(root, 'data-node:server').info({ port: 7000 }, 'listening');
    });

    await firstLine;
    const text = chunks.join('');
    expect(text).toContain('INFO');
    expect(text).toContain('listening');
    expect(text).toContain('data-node:server');
    expect(() => JSON.parse(text)).toThrow();
  });
});
