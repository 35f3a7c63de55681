// The shape of one INFO section: its title and a function producing its `field:value` lines.
import type { CommandContext } from '../command-context.js';

export interface InfoSection {
  /** Lower-case name used to select it (`INFO memory`). */
  readonly name: string;
  /** Header text (`# Memory`). */
  readonly title: string;
  /** Shown by plain INFO / INFO default (commandstats and latencystats are not). */
  readonly inDefault: boolean;
  readonly lines: (ctx: CommandContext) => string[];
}
