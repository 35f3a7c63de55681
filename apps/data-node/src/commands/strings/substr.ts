// SUBSTR key start end: the pre-2.0 name of GETRANGE, same behaviour (deprecated since 2.0.0).
import { FIRST_KEY, type CommandSpec } from '../command-spec.js';
import { getRange } from './getrange.js';

export const substr = {
  name: 'substr',
  arity: 4,
  flags: ['readonly'],
  categories: ['read', 'string', 'slow'],
  keys: FIRST_KEY,
  docs: {
    summary: 'Get a substring of the string stored at a key',
    since: '1.0.0',
    group: 'string',
    complexity:
      'O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.',
  },
  handler: getRange,
} satisfies CommandSpec;
