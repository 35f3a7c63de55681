// Differential scenarios for pub/sub replies that do not depend on other connections.
import type { Scenario } from './scenario.js';

const c = (line: string): string[] => line.split(' ');

export const pubsubScenarios: Scenario[] = [
  {
    name: 'publishing with no subscribers and introspection of an idle server',
    commands: [
      'PUBLISH ch msg',
      'SPUBLISH ch msg',
      'PUBSUB CHANNELS',
      'PUBSUB NUMSUB a b',
      'PUBSUB NUMPAT',
      'PUBSUB SHARDCHANNELS',
      'PUBSUB SHARDNUMSUB x',
      'PUBSUB NOPE',
      'PUBSUB',
    ].map(c),
  },
  {
    // One channel per kind: UNSUBSCRIBE with no argument walks Redis's hash table, whose order we do not copy.
    name: 'subscribing, the pub/sub context, and unsubscribing everything',
    commands: [
      'SUBSCRIBE a',
      'PSUBSCRIBE p*',
      'SSUBSCRIBE s',
      'GET x',
      'PING',
      'PING hi',
      'UNSUBSCRIBE',
      'PUNSUBSCRIBE',
      'SUNSUBSCRIBE',
      'PING',
    ].map(c),
  },
  {
    name: 'unsubscribing when not subscribed',
    commands: ['UNSUBSCRIBE', 'PUNSUBSCRIBE', 'SUNSUBSCRIBE', 'UNSUBSCRIBE a', 'SUBSCRIBE', 'PUBLISH a'].map(
      c,
    ),
  },
  {
    name: 'RESP3 subscriptions are confirmed with push frames',
    resp3: true,
    commands: [
      'SUBSCRIBE a',
      'PSUBSCRIBE b*',
      'GET x',
      'PUBLISH a hello',
      'UNSUBSCRIBE a',
      'PUNSUBSCRIBE',
    ].map(c),
  },
];
