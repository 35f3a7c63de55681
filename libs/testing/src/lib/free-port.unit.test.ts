import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from './free-port.js';
import { MissingProgramError, requireProgram } from './require-program.js';

describe('freePort', () => {
  it('returns a port that can be bound right away', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    expect((server.address() as { port: number }).port).toBe(port);
    await new Promise((resolve) => server.close(resolve));
  });
});

describe('requireProgram', () => {
  it('finds a program on PATH', () => {
    expect(requireProgram('sh')).toMatch(/\/sh$/);
  });

  it('fails with an install hint naming the Debian package', () => {
    expect(() => requireProgram('redis-nonexistent-tool')).toThrow(MissingProgramError);
    expect(() => requireProgram('redis-nonexistent-tool')).toThrow(/apt-get install redis-tools/);
  });
});
