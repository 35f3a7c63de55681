// The live configuration: typed values of every directive, validated the way redis-server validates them,
// with listeners for the components that react to a change (CONFIG SET maxmemory ...). No I/O: reading and
// rewriting the config file are in config-file.ts.
import { DIRECTIVES, findDirective, type Directive } from './config-schema.js';

export class ConfigError extends Error {
  readonly code = 'RC_ERR_CONFIG';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

const MEMORY_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1000,
  kb: 1024,
  m: 1000 * 1000,
  mb: 1024 * 1024,
  g: 1000 * 1000 * 1000,
  gb: 1024 * 1024 * 1024,
};

/** Parses `100mb`, `1gb`, `4096` like Redis's memtoull; null when malformed. */
export function parseMemory(text: string): number | null {
  const match = /^(-?\d+)([a-z]*)$/i.exec(text.trim());
  if (!match) return null;
  const unit = MEMORY_UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  return Number(match[1]) * unit;
}

export type ConfigListener = (name: string, value: string) => void;

export class ConfigStore {
  private readonly values = new Map<string, string>();
  private readonly listeners: ConfigListener[] = [];
  /** Directives given explicitly (file or command line): what CONFIG REWRITE writes. */
  readonly explicit = new Set<string>();
  /** Path of the config file the server was started with, if any (CONFIG REWRITE target). */
  configFile: string | null = null;

  constructor() {
    for (const directive of DIRECTIVES) this.values.set(directive.name, directive.defaultValue);
  }

  /** Current text value of a directive (CONFIG GET form). */
  get(name: string): string {
    const directive = findDirective(name);
    if (!directive) throw new ConfigError(`Unknown config directive '${name}'`);
    return this.values.get(directive.name) as string;
  }

  getNumber(name: string): number {
    const directive = findDirective(name);
    const text = this.get(name);
    return directive?.type === 'memory' ? (parseMemory(text) ?? 0) : Number(text);
  }

  getBool(name: string): boolean {
    return this.get(name) === 'yes';
  }

  /**
   * Validates and stores `value`. `atStartup` allows immutable directives (command line, config file).
   * Throws ConfigError with Redis's reason text ("argument must be a memory value", ...).
   */
  set(name: string, value: string, atStartup = false): void {
    const directive = findDirective(name);
    if (!directive) throw new ConfigError(`Unknown option or number of arguments for CONFIG SET - '${name}'`);
    if (!directive.mutable && !atStartup) throw new ConfigError(`can't set immutable config`);
    const normalized = normalize(directive, value);
    this.values.set(directive.name, normalized);
    if (atStartup) this.explicit.add(directive.name);
    for (const listener of this.listeners) listener(directive.name, normalized);
  }

  onChange(listener: ConfigListener): void {
    this.listeners.push(listener);
  }

  /** Every directive with its value, in schema order. */
  entries(): [Directive, string][] {
    return DIRECTIVES.map((directive) => [directive, this.values.get(directive.name) as string]);
  }
}

function normalize(directive: Directive, raw: string): string {
  switch (directive.type) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (v !== 'yes' && v !== 'no') throw new ConfigError("argument must be 'yes' or 'no'");
      return v;
    }
    case 'integer': {
      if (!/^-?\d+$/.test(raw)) throw new ConfigError("argument couldn't be parsed into an integer");
      return String(checkRange(directive, Number(raw)));
    }
    case 'memory': {
      const bytes = parseMemory(raw);
      if (bytes === null) throw new ConfigError('argument must be a memory value');
      return String(checkRange(directive, bytes));
    }
    case 'enum': {
      const v = raw.toLowerCase();
      if (!directive.values?.includes(v))
        throw new ConfigError(
          'argument(s) must be one of the following: ' + (directive.values ?? []).join(', '),
        );
      return v;
    }
    case 'string':
      return raw;
  }
}

function checkRange(directive: Directive, n: number): number {
  if (
    (directive.min !== undefined && n < directive.min) ||
    (directive.max !== undefined && n > directive.max)
  ) {
    throw new ConfigError(
      `argument must be between ${directive.min ?? '-inf'} and ${directive.max ?? 'inf'} inclusive`,
    );
  }
  return n;
}
