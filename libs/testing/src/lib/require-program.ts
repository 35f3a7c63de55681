// Fails a test with an install hint when a system program it needs is missing (never a silent skip).
import { execFileSync } from 'node:child_process';

export class MissingProgramError extends Error {
  readonly code = 'RC_ERR_MISSING_PROGRAM';
  constructor(program: string, options?: ErrorOptions) {
    super(
      `${program} not found on PATH: run tools/bootstrap (or apt-get install ${program === 'redis-server' ? 'redis-server' : program.startsWith('redis-') ? 'redis-tools' : program})`,
      options,
    );
    this.name = 'MissingProgramError';
  }
}

/** The absolute path of `program`, or throws MissingProgramError. */
export function requireProgram(program: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
  } catch (err) {
    throw new MissingProgramError(program, { cause: err });
  }
}
