// Key positions of MSET and MSETNX: argv[1], argv[3], ... (Redis's first 1, last -1, step 2).
import type { KeyPositions } from '../command-spec.js';

export const KEY_VALUE_PAIRS: KeyPositions = { first: 1, last: -1, step: 2 };
