// Redis's memory-value syntax (`100mb`, `1gb`, `4096`), shared by directives, CONFIG SET and
// client-output-buffer-limit. Pure functions, no I/O.

/** Multipliers of the accepted units, case-insensitive (redis src/util.c memtoull). */
const MEMORY_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1000,
  kb: 1024,
  m: 1000 * 1000,
  mb: 1024 * 1024,
  g: 1000 * 1000 * 1000,
  gb: 1024 * 1024 * 1024,
};

/** Parses a non-negative byte count with an optional unit like Redis's memtoull; null when malformed. */
export function parseMemory(text: string): number | null {
  const match = /^(\d+)([a-z]*)$/i.exec(text.trim());
  if (!match) return null;
  const unit = MEMORY_UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Number(match[1]) * unit;
  return Number.isSafeInteger(bytes) ? bytes : null;
}
