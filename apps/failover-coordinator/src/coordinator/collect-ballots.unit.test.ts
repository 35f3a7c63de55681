// Vote collection: done as soon as a majority granted (a dead voter does not hold the election up), or
// once everyone answered; a failed call is a vote not granted.
import { describe, expect, it } from 'vitest';
import { collectBallots } from './failover-coordinator.js';

const never = new Promise<never>(() => undefined);

describe('collectBallots', () => {
  it('resolves once the majority is in, without waiting for a voter that never answers', async () => {
    const voters = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const ballots = await collectBallots(voters, 2, (voter) =>
      voter.id === 'c' ? never : Promise.resolve({ voterId: voter.id, granted: true }),
    );
    expect(ballots.map((b) => b.voterId).sort()).toEqual(['a', 'b']);
  });

  it('counts a failed call as not granted and resolves when all answered', async () => {
    const voters = [{ id: 'a' }, { id: 'b' }];
    const ballots = await collectBallots(voters, 2, (voter) =>
      voter.id === 'a'
        ? Promise.reject(new Error('UNAVAILABLE'))
        : Promise.resolve({ voterId: voter.id, granted: true }),
    );
    expect(ballots).toEqual(
      expect.arrayContaining([
        { voterId: 'a', granted: false, reason: 'unreachable: UNAVAILABLE' },
        { voterId: 'b', granted: true },
      ]),
    );
  });

  it('resolves at once with no voters', async () => {
    expect(await collectBallots([], 1, () => never)).toEqual([]);
  });
});
