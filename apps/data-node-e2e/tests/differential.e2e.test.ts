// The differential suite: every scenario of src/scenarios is sent, pipelined, to a data-node process and to
// a real redis-server 7, and every reply must be identical byte for byte.
import { describe, expect, it } from 'vitest';
import { RawConnection } from '../src/raw-connection.js';
import { scenarioFamilies } from '../src/scenarios/index.js';
import type { Scenario } from '../src/scenarios/scenario.js';
import { useServerPair } from '../src/server-pair.js';

const servers = useServerPair();

const show = (b: Buffer | undefined) => JSON.stringify(b?.toString('latin1'));

async function run(port: number, scenario: Scenario): Promise<Buffer[]> {
  await using connection = await RawConnection.open(port);
  await connection.send('FLUSHALL');
  if (scenario.resp3) await connection.send('HELLO', '3');
  return await connection.pipeline(scenario.commands);
}

const families = scenarioFamilies();

it('covers every command family with at least 1,000 commands in all', () => {
  const total = families.reduce((sum, f) => sum + f.scenarios.reduce((n, s) => n + s.commands.length, 0), 0);
  expect(families.map((f) => f.family)).toEqual(
    expect.arrayContaining(['hashes', 'keys', 'lists', 'sets', 'strings', 'zsets']),
  );
  expect(total).toBeGreaterThanOrEqual(1000);
});

for (const { family, scenarios } of families) {
  describe(`${family} commands reply exactly like redis-server`, () => {
    for (const scenario of scenarios) {
      it(scenario.name, async () => {
        const [ours, theirs] = await Promise.all([
          run(servers().dataNode.port, scenario),
          run(servers().redis.port, scenario),
        ]);
        for (let i = 0; i < scenario.commands.length; i++) {
          const command = scenario.commands[i]?.map((a) => a.toString()).join(' ');
          expect(show(ours[i]), `command #${i}: ${command}`).toBe(show(theirs[i]));
        }
      });
    }
  });
}
