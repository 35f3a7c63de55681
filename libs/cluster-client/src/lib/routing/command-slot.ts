// The slot a command goes to: from the routing key the caller named, else from its keys (caller-given
// positions or the command table). Keys in different slots throw CrossSlotError here, before any round
// trip, as the server would answer CROSSSLOT. -1 means "no key": any node may serve it. Pure: no I/O.
import { keySlot } from '@tessera/slot';
import { CrossSlotError } from '../errors.js';
import { keyPositions } from './command-keys.js';

/** No key: the command may go to any node. */
export const NO_SLOT = -1;

/**
 * The slot of a command whose arguments are byte strings or Buffers (see `normalizeArgs`).
 * @throws CrossSlotError when its keys hash to different slots.
 */
export function commandSlot(
  name: string,
  args: readonly (string | Buffer)[],
  key?: string | Buffer,
  keyIndexes?: readonly number[],
): number {
  if (key !== undefined) return keySlot(key);
  const positions = keyPositions(name, args, keyIndexes);
  if (positions.length === 0) return NO_SLOT;
  const slot = keySlot(args[positions[0] as number] as string | Buffer);
  for (let i = 1; i < positions.length; i++) {
    const other = keySlot(args[positions[i] as number] as string | Buffer);
    if (other !== slot) {
      const slots = [...new Set(positions.map((p) => keySlot(args[p] as string | Buffer)))];
      throw new CrossSlotError(name.toUpperCase(), slots);
    }
  }
  return slot;
}
