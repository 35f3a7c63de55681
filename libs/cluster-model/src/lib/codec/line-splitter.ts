// Incremental line splitting for the text parsers (nodes.conf, CLUSTER NODES): chunks of text or UTF-8 bytes go
// in, complete `\n`-terminated lines come out numbered from 1, whatever the chunk boundaries. A line longer than
// the limit fails before it is buffered further (bad input never grows memory without bound), and bytes that
// are not UTF-8 fail too, both through the `fail` callback the parser gives (its typed error).
// Internal to the lib. Pure: no I/O.

/** Longest line accepted by default: Redis's own loader reads up to 1024 + 16384 * 128 bytes per line. */
export const DEFAULT_MAX_LINE_LENGTH = 1024 + 16384 * 128;

export class LineSplitter {
  private carry = '';
  private lineNumber = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly onLine: (line: string, lineNumber: number) => void,
    private readonly fail: (problem: string, lineNumber: number) => never,
    private readonly maxLineLength: number = DEFAULT_MAX_LINE_LENGTH,
  ) {}

  /** Feeds a chunk: text, or bytes decoded as UTF-8 (a character may straddle chunks). */
  push(chunk: string | Uint8Array): void {
    this.feed(typeof chunk === 'string' ? chunk : this.decode(chunk, true));
  }

  /** Flushes the last line, which may lack its `\n`. */
  end(): void {
    this.feed(this.decode(new Uint8Array(0), false));
    if (this.carry.length > 0) {
      const line = this.carry;
      this.carry = '';
      this.onLine(line, ++this.lineNumber);
    }
  }

  private feed(text: string): void {
    let from = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
      const line = this.carry + text.slice(from, newline);
      this.carry = '';
      this.checkLength(line.length);
      this.onLine(line, ++this.lineNumber);
      from = newline + 1;
    }
    this.carry += text.slice(from);
    this.checkLength(this.carry.length);
  }

  private checkLength(length: number): void {
    if (length > this.maxLineLength) {
      this.fail(`line longer than ${this.maxLineLength} characters`, this.lineNumber + 1);
    }
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream });
    } catch (error) {
      return this.fail(`not valid UTF-8 (${(error as Error).message})`, this.lineNumber + 1);
    }
  }
}
