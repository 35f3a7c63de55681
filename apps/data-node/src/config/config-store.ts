// The live configuration: typed values of every directive, validated the way redis-server validates them,
// with listeners for the components that react to a change (CONFIG SET maxmemory ...). CONFIG SET of
// several directives is atomic (`setMany`): every value is checked before any is stored. No I/O: reading
// and rewriting the config file are in parse-command-line.ts and rewrite-config-file.ts.
import { DIRECTIVES, findDirective, type Directive } from './config-schema.js';
import { parseMemory } from './memory-units.js';

export { parseMemory } from './memory-units.js';

/** Stable codes of configuration errors (style guide rule 13). */
export const ConfigErrorCode = {
  /** No directive of that name (CONFIG SET, config file, command line). */
  unknown: 'RC_ERR_CONFIG_UNKNOWN',
  /** A value the directive does not accept, or an immutable directive changed at run time. */
  invalid: 'RC_ERR_CONFIG_INVALID',
  /** The config file cannot be read or rewritten. */
  file: 'RC_ERR_CONFIG_FILE',
} as const;
export type ConfigErrorCode = (typeof ConfigErrorCode)[keyof typeof ConfigErrorCode];

export class ConfigError extends Error {
  readonly code: ConfigErrorCode;
  /** The directive the error is about, as the caller named it (CONFIG SET's "possibly related to argument"). */
  readonly directive: string | null;

  constructor(message: string, options: ErrorOptions & { code?: ConfigErrorCode; directive?: string } = {}) {
    super(message, options);
    this.name = 'ConfigError';
    this.code = options.code ?? ConfigErrorCode.invalid;
    this.directive = options.directive ?? null;
  }
}

export type ConfigListener = (name: string, value: string) => void;

export class ConfigStore {
  private readonly values = new Map<string, string>();
  private readonly listeners: ConfigListener[] = [];
  /** Directives given explicitly (file or command line). */
  readonly explicit = new Set<string>();
  /** Absolute path of the config file the server was started with, if any (CONFIG REWRITE target). */
  configFile: string | null = null;

  constructor() {
    for (const directive of DIRECTIVES) this.values.set(directive.name, directive.defaultValue);
  }

  /** Current text value of a directive (CONFIG GET form). */
  get(name: string): string {
    const directive = findDirective(name);
    if (!directive)
      throw new ConfigError(`Unknown config directive '${name}'`, { code: ConfigErrorCode.unknown });
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
    this.setMany([[name, value]], atStartup);
  }

  /**
   * CONFIG SET name value [name value ...]: checks every pair first (unknown names, immutable directives,
   * duplicates, then values, in Redis's order) and stores none unless all are valid; listeners hear of
   * each change once all are stored. Throws ConfigError naming the offending directive.
   */
  setMany(pairs: readonly (readonly [string, string])[], atStartup = false): void {
    const resolved: [Directive, string][] = [];
    for (const [name] of pairs) {
      if (findDirective(name) === undefined) {
        throw new ConfigError(`Unknown option or number of arguments for CONFIG SET - '${name}'`, {
          code: ConfigErrorCode.unknown,
          directive: name,
        });
      }
    }
    const seen = new Set<Directive>();
    for (const [name, value] of pairs) {
      const directive = findDirective(name) as Directive;
      if (!directive.mutable && !atStartup) {
        throw new ConfigError("can't set immutable config", { directive: name });
      }
      if (seen.has(directive) && !atStartup)
        throw new ConfigError('duplicate parameter', { directive: name });
      seen.add(directive);
      resolved.push([directive, value]);
    }
    // Values are checked in order against the values stored so far (a merge like client-output-buffer-limit
    // sees the earlier pair of the same call when a file repeats a directive).
    const staged = new Map<Directive, string>();
    for (const [directive, raw] of resolved) {
      const current = staged.get(directive) ?? (this.values.get(directive.name) as string);
      try {
        staged.set(directive, normalize(directive, raw, current));
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        throw new ConfigError(reason, { cause: err, directive: directive.name });
      }
    }
    for (const [directive, value] of staged) {
      this.values.set(directive.name, value);
      if (atStartup) this.explicit.add(directive.name);
    }
    for (const [directive, value] of staged) {
      for (const listener of this.listeners) listener(directive.name, value);
    }
  }

  onChange(listener: ConfigListener): void {
    this.listeners.push(listener);
  }

  /** Every directive with its value, in schema order. */
  entries(): [Directive, string][] {
    return DIRECTIVES.map((directive) => [directive, this.values.get(directive.name) as string]);
  }
}

function normalize(directive: Directive, raw: string, current: string): string {
  const value = normalizeType(directive, raw);
  return directive.normalize ? directive.normalize(value, current) : value;
}

function normalizeType(directive: Directive, raw: string): string {
  switch (directive.type) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (v !== 'yes' && v !== 'no') throw new Error("argument must be 'yes' or 'no'");
      return v;
    }
    case 'integer': {
      if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
        throw new Error("argument couldn't be parsed into an integer");
      return String(checkRange(directive, Number(raw)));
    }
    case 'memory': {
      const bytes = parseMemory(raw);
      if (bytes === null) throw new Error('argument must be a memory value');
      return String(checkRange(directive, bytes));
    }
    case 'enum': {
      const v = raw.toLowerCase();
      if (!directive.values?.includes(v))
        throw new Error('argument(s) must be one of the following: ' + (directive.values ?? []).join(', '));
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
    throw new Error(
      `argument must be between ${directive.min ?? '-inf'} and ${directive.max ?? 'inf'} inclusive`,
    );
  }
  return n;
}
