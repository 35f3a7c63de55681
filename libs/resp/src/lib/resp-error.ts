// An error reply (`-CODE message` or RESP3 `!<len>` blob error) as a value: what a client gets back
// for one command, not something the decoder throws. `code` is the first word (ERR, WRONGTYPE, MOVED...).

export class RespError extends Error {
  override readonly name = 'RespError';
  /** First word of the error text, e.g. `ERR`, `WRONGTYPE`, `MOVED`, `ASK`, `CROSSSLOT`. */
  readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    const space = message.indexOf(' ');
    this.code = space < 0 ? message : message.slice(0, space);
  }
}
