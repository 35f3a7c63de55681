// Differential scenarios for pub/sub replies that do not depend on other connections.
import { cmd } from './command-lines.js';
import type { Scenario } from './scenario.js';

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
    ].map(cmd),
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
    ].map(cmd),
  },
  {
    name: 'unsubscribing when not subscribed',
    commands: ['UNSUBSCRIBE', 'PUNSUBSCRIBE', 'SUNSUBSCRIBE', 'UNSUBSCRIBE a', 'SUBSCRIBE', 'PUBLISH a'].map(
      cmd,
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
    ].map(cmd),
  },
];
