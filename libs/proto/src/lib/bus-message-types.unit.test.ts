import { describe, expect, it } from 'vitest';
import { ClusterBusServiceService } from '../gen/tessera/cluster/v1/bus.js';
import { BUS_MESSAGE_TYPES, CLUSTER_BUS_METHOD_STATS } from './bus-message-types.js';

describe('bus message types', () => {
  it('numbers the eleven Redis message types 0..10, once each', () => {
    expect(Object.values(BUS_MESSAGE_TYPES).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
  });

  it('gives every ClusterBusService method a stats type, and uses every type but module', () => {
    expect(Object.keys(CLUSTER_BUS_METHOD_STATS).sort()).toEqual(
      Object.keys(ClusterBusServiceService).sort(),
    );
    const used = new Set(
      Object.values(CLUSTER_BUS_METHOD_STATS).flatMap((stats) =>
        [stats.request, stats.reply].filter((t) => t !== null),
      ),
    );
    expect(Object.keys(BUS_MESSAGE_TYPES).filter((type) => !used.has(type as never))).toEqual(['module']);
  });

  it('counts only the pub/sub calls per entry', () => {
    const perEntry = Object.entries(CLUSTER_BUS_METHOD_STATS)
      .filter(([, stats]) => stats.perEntry)
      .map(([name]) => name);
    expect(perEntry.sort()).toEqual(['publish', 'publishShard']);
  });

  it('serves every method as a unary call of tessera.cluster.v1.ClusterBusService', () => {
    for (const method of Object.values(ClusterBusServiceService)) {
      expect(method.path.startsWith('/tessera.cluster.v1.ClusterBusService/')).toBe(true);
      expect([method.requestStream, method.responseStream]).toEqual([false, false]);
    }
  });
});
