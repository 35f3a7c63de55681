// The registry of command specs: case-insensitive lookup of a command (and of a container's subcommand),
// from a name string or straight from the request's name bytes (no string built on the hot path), plus the
// key indexes a spec declares for a given argument vector.
import { CommandEntry } from './command-entry.js';
import type { CommandSpec } from './command-spec.js';

/** Hash of a command name with ASCII letters folded to lower case (bit 0x20), over bytes. */
function foldedHash(bytes: Uint8Array): number {
  let h = bytes.length;
  for (let i = 0; i < bytes.length; i++) h = (Math.imul(h, 31) + ((bytes[i] as number) | 0x20)) | 0;
  return h;
}

/** Whether `bytes` spell `lowerName` in any case. */
function sameName(bytes: Uint8Array, lowerName: string): boolean {
  if (bytes.length !== lowerName.length) return false;
  for (let i = 0; i < bytes.length; i++) {
    let b = bytes[i] as number;
    if (b >= 65 && b <= 90) b |= 0x20;
    if (b !== lowerName.charCodeAt(i)) return false;
  }
  return true;
}

export class CommandTable {
  private readonly byName = new Map<string, CommandEntry>();
  private readonly byHash = new Map<number, CommandEntry[]>();

  constructor(specs: Iterable<CommandSpec> = []) {
    for (const spec of specs) this.register(spec);
  }

  register(spec: CommandSpec): void {
    const name = spec.name.toLowerCase();
    if (this.byName.has(name)) throw new Error(`command '${name}' is registered twice`);
    const entry = new CommandEntry(spec, null);
    this.byName.set(name, entry);
    const hash = foldedHash(Buffer.from(name, 'latin1'));
    const bucket = this.byHash.get(hash);
    if (bucket === undefined) this.byHash.set(hash, [entry]);
    else bucket.push(entry);
  }

  /** The entry of the command whose name is `bytes` (any case), or undefined. */
  entryOf(bytes: Uint8Array): CommandEntry | undefined {
    const bucket = this.byHash.get(foldedHash(bytes));
    if (bucket === undefined) return undefined;
    for (const entry of bucket) if (sameName(bytes, entry.spec.name)) return entry;
    return undefined;
  }

  /** The entry of `container`'s subcommand whose name is `bytes` (any case), or undefined. */
  subcommandEntryOf(container: CommandEntry, bytes: Buffer): CommandEntry | undefined {
    return container.subcommands?.get(bytes.toString('latin1').toLowerCase());
  }

  /** The command named by `name` (any case), or undefined. */
  lookup(name: string): CommandSpec | undefined {
    return this.byName.get(name.toLowerCase())?.spec;
  }

  /** The subcommand of `container` named by `name` (any case), or undefined. */
  lookupSubcommand(container: CommandSpec, name: string): CommandSpec | undefined {
    return this.byName.get(container.name.toLowerCase())?.subcommands?.get(name.toLowerCase())?.spec;
  }

  /** Every top-level command, each once. */
  all(): CommandSpec[] {
    return [...this.byName.values()].map((entry) => entry.spec);
  }

  get size(): number {
    return this.byName.size;
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
