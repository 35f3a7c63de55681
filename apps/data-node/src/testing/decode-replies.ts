// Decodes the RESP bytes a command wrote into plain values for unit-test assertions: simple and bulk
// strings as (latin1) strings, errors as ReplyError, integers as numbers, doubles as numbers, arrays as
// arrays, maps as Map, sets as Set, pushes as Push. Test support only.

export class ReplyError {
  constructor(readonly message: string) {}
}

export class Push {
  constructor(readonly items: Reply[]) {}
}

export type Reply =
  string | number | bigint | boolean | null | ReplyError | Push | Reply[] | Map<Reply, Reply> | Set<Reply>;

/** Decodes every complete reply in `bytes`. Throws on malformed input (a bug in the writer). */
export function decodeReplies(bytes: Buffer): Reply[] {
  const replies: Reply[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const [reply, next] = decodeAt(bytes, offset);
    replies.push(reply);
    offset = next;
  }
  return replies;
}

function decodeAt(buf: Buffer, start: number): [Reply, number] {
  const lineEnd = buf.indexOf('\r\n', start);
  if (lineEnd === -1) throw new Error(`incomplete reply at ${start}`);
  const type = String.fromCharCode(buf[start] as number);
  const line = buf.toString('latin1', start + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return [line, next];
    case '-':
      return [new ReplyError(line), next];
    case ':':
      return [Number(line), next];
    case '_':
      return [null, next];
    case '#':
      return [line === 't', next];
    case ',':
      return [line === 'inf' ? Infinity : line === '-inf' ? -Infinity : Number(line), next];
    case '(':
      return [BigInt(line), next];
    case '$':
    case '=':
    case '!': {
      const length = Number(line);
      if (length < 0) return [null, next];
      const text = buf.toString('latin1', next, next + length);
      if (type === '!') return [new ReplyError(text), next + length + 2];
      return [type === '=' ? text.slice(4) : text, next + length + 2];
    }
    case '*':
    case '~':
    case '>': {
      const count = Number(line);
      if (count < 0) return [null, next];
      const items: Reply[] = [];
      let offset = next;
      for (let i = 0; i < count; i++) {
        const [item, after] = decodeAt(buf, offset);
        items.push(item);
        offset = after;
      }
      if (type === '~') return [new Set(items), offset];
      if (type === '>') return [new Push(items), offset];
      return [items, offset];
    }
    case '%': {
      const map = new Map<Reply, Reply>();
      let offset = next;
      for (let i = 0; i < Number(line); i++) {
        const [key, afterKey] = decodeAt(buf, offset);
        const [value, afterValue] = decodeAt(buf, afterKey);
        map.set(key, value);
        offset = afterValue;
      }
      return [map, offset];
    }
    default:
      throw new Error(`unknown RESP type '${type}' at ${start}`);
  }
}
