// Differential scenarios for MULTI/EXEC/DISCARD/WATCH/UNWATCH on a single connection.
import { cmd } from './command-lines.js';
import type { Scenario } from './scenario.js';

export const transactionsScenarios: Scenario[] = [
  {
    name: 'a transaction runs its queued commands in order',
    commands: ['MULTI', 'SET a 1', 'GET a', 'SET b 2', 'GET b', 'EXEC', 'GET a'].map(cmd),
  },
  {
    name: 'a queue-time error aborts EXEC',
    commands: ['MULTI', 'SET a', 'NOSUCH x', 'GET a', 'EXEC', 'GET a', 'EXEC'].map(cmd),
  },
  {
    name: 'errors of queued commands at run time are returned inline',
    commands: ['SET s x', 'MULTI', 'SET a 1', 'SUBSCRIBE c', 'EXEC'].map(cmd),
  },
  {
    name: 'nested MULTI, EXEC and DISCARD without MULTI, WATCH inside MULTI',
    commands: [
      'EXEC',
      'DISCARD',
      'MULTI',
      'MULTI',
      'WATCH k',
      'SET k v',
      'DISCARD',
      'GET k',
      'MULTI',
      'EXEC',
    ].map(cmd),
  },
  {
    name: 'WATCH on a key changed by the same connection makes EXEC return null',
    commands: [
      'WATCH k',
      'SET k 1',
      'MULTI',
      'SET k 2',
      'EXEC',
      'GET k',
      'UNWATCH',
      'WATCH k',
      'UNWATCH',
      'SET k 3',
      'MULTI',
      'GET k',
      'EXEC',
    ].map(cmd),
  },
  {
    name: 'an empty transaction returns an empty array',
    commands: ['MULTI', 'EXEC', 'MULTI', 'DISCARD'].map(cmd),
  },
];
