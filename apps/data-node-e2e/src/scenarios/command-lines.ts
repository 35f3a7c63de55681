// Text helpers for writing differential scenarios compactly. Pure.

/** One command per line, arguments separated by spaces (for arguments without spaces). */
export function lines(text: string): string[][] {
  return text.trim().split('\n').map(cmd);
}

/** One command from one line, arguments separated by spaces (for arguments without spaces). */
export function cmd(line: string): string[] {
  return line.trim().split(/\s+/);
}

/** A binary argument from its bytes. */
export const bin = (...bytes: number[]): Buffer => Buffer.from(bytes);
