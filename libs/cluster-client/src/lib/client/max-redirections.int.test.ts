// Redirect faults a real Redis Cluster cannot be made to produce, played by scripted RESP servers that
// answer CLUSTER SLOTS with themselves as the owner of every slot and script the rest.
import { keySlot } from '@tessera/slot';
import { describe, expect, it } from 'vitest';
import { allSlotsTo, startScriptedServer, type Script } from '../../testing/scripted-resp-server.js';
import {
  ClusterDiscoveryError,
  InvalidRedirectError,
  MaxRedirectionsError,
  MovedToSelfError,
  ProtocolError,
  TimeoutError,
} from '../errors.js';
import { ClusterDownError } from '../redirect/cluster-down-error.js';
import { MovedError } from '../redirect/moved-error.js';
import { TryAgainError } from '../redirect/try-again-error.js';
import { ClusterClient } from './cluster-client.js';
import type { ClusterClientOptions } from './cluster-client-options.js';

/** A scripted node owning every slot; `script` answers everything but CLUSTER SLOTS. */
async function fakeNode(script: Script, port?: number) {
  let self = 0;
  const server = await startScriptedServer((args, connection) => {
    if (args[0] === 'CLUSTER' && args[1] === 'SLOTS') return allSlotsTo(self);
    return script(args, connection);
  }, port);
  self = server.port;
  return server;
}

const fast: Partial<ClusterClientOptions> = {
  tryAgainDelayMs: 5,
  clusterDownDelayMs: 5,
  connectionRetryDelayMs: 5,
  maxRetryDelayMs: 20,
  healthCheckIntervalMs: 0,
};

const gets = (commands: string[][]) => commands.filter(([name]) => name === 'GET').length;

describe('redirect bounds and bad redirects', () => {
  it('gives up after maxRedirections when two nodes bounce MOVED forever, with the last MOVED as cause', async () => {
    let otherPort = 0;
    await using a = await fakeNode(() => `-MOVED ${keySlot('k')} 127.0.0.1:${otherPort}\r\n`);
    await using b = await startScriptedServer(() => `-MOVED ${keySlot('k')} 127.0.0.1:${a.port}\r\n`);
    otherPort = b.port;
    await using client = await ClusterClient.connect({ seeds: [a.endpoint], maxRedirections: 5, ...fast });
    const error = await client.get('k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaxRedirectionsError);
    expect(error).toMatchObject({ code: 'RC_ERR_CLUSTER_CLIENT_MAX_REDIRECTIONS', redirections: 5 });
    expect((error as Error).cause).toBeInstanceOf(MovedError);
    expect(gets(a.commands) + gets(b.commands)).toBe(6); // the first try + 5 redirections
    expect(client.stats().redirects.moved).toBe(6);
  });

  it('detects MOVED to the node that answered, refreshes the topology, then fails', async () => {
    let self = 0;
    await using a = await fakeNode(() => `-MOVED ${keySlot('k')} 127.0.0.1:${self}\r\n`);
    self = a.port;
    await using client = await ClusterClient.connect({ seeds: [a.endpoint], ...fast });
    const slotsBefore = a.commands.filter(([n]) => n === 'CLUSTER').length;
    const error = await client.get('k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MovedToSelfError);
    expect((error as Error).cause).toBeInstanceOf(MovedError);
    expect(a.commands.filter(([n]) => n === 'CLUSTER').length).toBe(slotsBefore + 1);
    expect(gets(a.commands)).toBe(1);
  });

  it.each(['MOVED 99999 127.0.0.1:7000', 'MOVED 12 garbage', 'ASK 12 127.0.0.1:0', 'ASK 1'])(
    'rejects the unusable redirect %j with InvalidRedirectError, without crashing or retrying',
    async (text) => {
      await using a = await fakeNode(() => `-${text}\r\n`);
      await using client = await ClusterClient.connect({ seeds: [a.endpoint], ...fast });
      const error = await client.get('k').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRedirectError);
      expect(gets(a.commands)).toBe(1);
      expect(await client.send(['PING']).catch((e: unknown) => e)).toBeInstanceOf(InvalidRedirectError);
    },
  );

  it('retries TRYAGAIN and CLUSTERDOWN with backoff a bounded number of times', async () => {
    await using a = await fakeNode(([name]) =>
      name === 'GET'
        ? '-TRYAGAIN Multiple keys request during rehashing of slot\r\n'
        : '-CLUSTERDOWN The cluster is down\r\n',
    );
    await using client = await ClusterClient.connect({ seeds: [a.endpoint], maxRedirections: 4, ...fast });
    const tryAgain = await client.get('k').catch((e: unknown) => e);
    expect(tryAgain).toBeInstanceOf(MaxRedirectionsError);
    expect((tryAgain as Error).cause).toBeInstanceOf(TryAgainError);
    expect(gets(a.commands)).toBe(5);
    const down = await client.set('k', 'v').catch((e: unknown) => e);
    expect(down).toBeInstanceOf(MaxRedirectionsError);
    expect((down as Error).cause).toBeInstanceOf(ClusterDownError);
    expect(client.stats().redirects).toMatchObject({ tryagain: 5, clusterdown: 5 });
  });

  it('returns a protocol error from the peer as ProtocolError for a write, and bounds the retries of a read', async () => {
    await using a = await fakeNode(() => '?garbage\r\n');
    await using client = await ClusterClient.connect({ seeds: [a.endpoint], maxRedirections: 3, ...fast });
    const write = await client.set('k', 'v').catch((e: unknown) => e);
    expect(write).toBeInstanceOf(ProtocolError);
    const read = await client.get('k').catch((e: unknown) => e);
    expect(read).toBeInstanceOf(MaxRedirectionsError);
    expect((read as Error).cause).toBeInstanceOf(ProtocolError);
  });

  it('fails with TimeoutError, not a hang, when the owner never answers', async () => {
    await using a = await fakeNode(() => null);
    await using client = await ClusterClient.connect({ seeds: [a.endpoint], commandTimeoutMs: 300, ...fast });
    const error = await client.get('k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: 'command' });
  });

  it('sends ASKING right before the command on the ASK target, once, and leaves the slot table alone', async () => {
    let targetPort = 0;
    await using a = await fakeNode(() => `-ASK ${keySlot('k')} 127.0.0.1:${targetPort}\r\n`);
    await using b = await startScriptedServer(([name]) => (name === 'ASKING' ? '+OK\r\n' : '$3\r\nnew\r\n'));
    targetPort = b.port;
    await using client = await ClusterClient.connect({ seeds: [a.endpoint], ...fast });
    expect(await client.get('k')).toBe('new');
    expect(b.commands).toEqual([['ASKING'], ['GET', 'k']]);
    expect(client.slotOwner(keySlot('k'))?.port).toBe(a.port);
    expect(await client.get('k')).toBe('new');
    expect(gets(a.commands)).toBe(2);
  });

  it('fails to connect with ClusterDiscoveryError when no seed answers CLUSTER SLOTS', async () => {
    await using broken = await startScriptedServer(
      () => '-ERR This instance has cluster support disabled\r\n',
    );
    const error = await ClusterClient.connect({ seeds: [broken.endpoint, '127.0.0.1:1'], ...fast }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ClusterDiscoveryError);
    expect((error as Error).message).toContain(broken.endpoint);
    expect(((error as Error).cause as AggregateError).errors).toHaveLength(2);
  });
});
