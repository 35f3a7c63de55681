// The registry of command specs: case-insensitive lookup of a command (and of a container's subcommand)
// from the raw name bytes, plus the key indexes a spec declares for a given argument vector.
import type { CommandSpec } from './command-spec.js';

export class CommandTable {
  private readonly byName = new Map<string, CommandSpec>();
  private readonly subcommands = new Map<CommandSpec, Map<string, CommandSpec>>();

  constructor(specs: Iterable<CommandSpec> = []) {
    for (const spec of specs) this.register(spec);
  }

  register(spec: CommandSpec): void {
    const name = spec.name.toLowerCase();
    if (this.byName.has(name)) throw new Error(`command '${name}' is registered twice`);
    this.byName.set(name, spec);
    this.byName.set(name.toUpperCase(), spec);
    if (spec.subcommands) {
      const subs = new Map<string, CommandSpec>();
      for (const sub of spec.subcommands) subs.set(sub.name.toLowerCase(), sub);
      this.subcommands.set(spec, subs);
    }
  }

  /** The command named by `name` (any case), or undefined. */
  lookup(name: string): CommandSpec | undefined {
    return this.byName.get(name) ?? this.byName.get(name.toLowerCase());
  }

  /** The subcommand of `container` named by `name` (any case), or undefined. */
  lookupSubcommand(container: CommandSpec, name: string): CommandSpec | undefined {
    return this.subcommands.get(container)?.get(name.toLowerCase());
  }

  /** Every top-level command, each once. */
  all(): CommandSpec[] {
    return [...new Set(this.byName.values())];
  }

  get size(): number {
    return this.byName.size / 2;
  }
}

/** The argv indexes of the keys of `spec` for `args`. */
export function keyIndexes(spec: CommandSpec, args: readonly Buffer[]): number[] {
  if (spec.getKeys) return spec.getKeys(args);
  const { first, step } = spec.keys;
  if (first === 0) return [];
  const last = spec.keys.last < 0 ? args.length + spec.keys.last : spec.keys.last;
  const indexes: number[] = [];
  for (let i = first; i <= last && i < args.length; i += step) indexes.push(i);
  return indexes;
}
