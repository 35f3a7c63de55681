// Differential scenarios for MULTI/EXEC/DISCARD/WATCH/UNWATCH on a single connection.
import type { Scenario } from './scenario.js';

const c = (line: string): string[] => line.split(' ');

export const transactionsScenarios: Scenario[] = [
  {
    name: 'a transaction runs its queued commands in order',
    commands: ['MULTI', 'SET a 1', 'GET a', 'SET b 2', 'GET b', 'EXEC', 'GET a'].map(c),
  },
  {
    name: 'a queue-time error aborts EXEC',
    commands: ['MULTI', 'SET a', 'NOSUCH x', 'GET a', 'EXEC', 'GET a', 'EXEC'].map(c),
  },
  {
    name: 'errors of queued commands at run time are returned inline',
    commands: ['SET s x', 'MULTI', 'SET a 1', 'SUBSCRIBE c', 'EXEC'].map(c),
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
    ].map(c),
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
    ].map(c),
  },
  {
    name: 'an empty transaction returns an empty array',
    commands: ['MULTI', 'EXEC', 'MULTI', 'DISCARD'].map(c),
  },
];
