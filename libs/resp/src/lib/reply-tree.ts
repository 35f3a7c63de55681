// Builds reply values from decoded elements for the ReplyDecoder: a stack of open aggregates (arrays, maps,
// sets, pushes, attributes, streamed strings and aggregates), attributes wrapped around the value they
// describe, and each finished top-level reply handed back. Pure: sees values, never bytes or handlers.
import { RESP_TYPES } from './resp-types.js';
import { RespAttributed, RespPush, type RespValue } from './resp-values.js';

/** `add()` result while the top-level reply is not finished yet. */
export const INCOMPLETE: unique symbol = Symbol('incomplete reply');

type AttributeMap = Map<RespValue, RespValue>;

/** An aggregate being built. */
interface Frame {
  /** RESP type byte: ARRAY, MAP, SET, PUSH, ATTRIBUTE, or BLOB_STRING for a streamed string. */
  readonly type: number;
  /** Elements still expected; -1 for a streamed aggregate or string (ends at `.` / `;0`). */
  remaining: number;
  /** Elements so far (maps and attributes: key, value, key, value...; streamed strings: chunks). */
  readonly items: RespValue[];
  /** Attributes read in this container, waiting for the element they describe (outermost first). */
  attributes: AttributeMap[] | null;
}

export class ReplyTree {
  private readonly stack: Frame[] = [];
  /** Innermost open frame (the stack's last), kept in a field for the hot path. */
  private top: Frame | null = null;
  /** Attributes read at the top level, waiting for their reply (outermost first). */
  private rootAttributes: AttributeMap[] | null = null;

  /** @param keepAttributes false drops attributes instead of wrapping values in RespAttributed. */
  constructor(private readonly keepAttributes: boolean) {}

  /** No reply is under way: no open aggregate and no attribute waiting for its reply. */
  get idle(): boolean {
    return this.top === null && this.rootAttributes === null;
  }

  /** Open aggregates. */
  get depth(): number {
    return this.stack.length;
  }

  /** The innermost open aggregate is a streamed string: only `;` chunks may come. */
  get inStreamedString(): boolean {
    return this.top !== null && this.top.type === RESP_TYPES.BLOB_STRING;
  }

  /** Opens an aggregate of `type` expecting `remaining` elements (-1: streamed). The caller checks depth. */
  open(type: number, remaining: number): void {
    const frame: Frame = { type, remaining, items: [], attributes: null };
    this.stack.push(frame);
    this.top = frame;
  }

  /**
   * Adds a finished value to the innermost aggregate, closing every aggregate it completes. Returns the
   * finished top-level reply, or INCOMPLETE.
   */
  add(value: RespValue): RespValue | typeof INCOMPLETE {
    let frame = this.top;
    while (frame !== null) {
      if (frame.attributes !== null) {
        value = wrapInAttributes(frame.attributes, value);
        frame.attributes = null;
      }
      frame.items.push(value);
      if (frame.remaining < 0 || --frame.remaining > 0) return INCOMPLETE;
      this.pop();
      if (frame.type === RESP_TYPES.ATTRIBUTE) {
        this.attach(buildAggregate(frame.type, frame.items) as AttributeMap);
        return INCOMPLETE;
      }
      value = buildAggregate(frame.type, frame.items);
      frame = this.top;
    }
    if (this.rootAttributes !== null) {
      value = wrapInAttributes(this.rootAttributes, value);
      this.rootAttributes = null;
    }
    return value;
  }

  /** Adds one chunk to the streamed string being read. */
  addChunk(bytes: Buffer): void {
    (this.top as Frame).items.push(bytes);
  }

  /** Closes the streamed string being read; returns its bytes (to be add()ed as a value). */
  closeStreamedString(): Buffer {
    const frame = this.top as Frame;
    this.pop();
    return Buffer.concat(frame.items as Buffer[]);
  }

  /** Why a `.` may not end the innermost aggregate here ('not streamed', 'odd map'), or null if it may. */
  streamEndProblem(): 'not streamed' | 'odd map' | null {
    const top = this.top;
    if (top === null || top.remaining !== -1 || top.attributes !== null) return 'not streamed';
    return top.type === RESP_TYPES.MAP && top.items.length % 2 !== 0 ? 'odd map' : null;
  }

  /** Closes the innermost streamed aggregate; returns its value (to be add()ed). */
  closeStreamed(): RespValue {
    const frame = this.top as Frame;
    this.pop();
    return buildAggregate(frame.type, frame.items);
  }

  clear(): void {
    this.stack.length = 0;
    this.top = null;
    this.rootAttributes = null;
  }

  private pop(): void {
    this.stack.pop();
    this.top = this.stack.length === 0 ? null : (this.stack[this.stack.length - 1] as Frame);
  }

  /** Keeps a finished attribute map for the next value of its container (or drops it). */
  private attach(map: AttributeMap): void {
    if (!this.keepAttributes) return;
    const container = this.top;
    if (container === null) (this.rootAttributes ??= []).push(map);
    else (container.attributes ??= []).push(map);
  }
}

/** The value of a finished aggregate: arrays stay arrays, `%`/`|` become Maps, `~` a Set, `>` a RespPush. */
export function buildAggregate(type: number, items: RespValue[]): RespValue {
  switch (type) {
    case RESP_TYPES.MAP:
    case RESP_TYPES.ATTRIBUTE: {
      const map: AttributeMap = new Map();
      for (let i = 0; i < items.length; i += 2) map.set(items[i] as RespValue, items[i + 1] as RespValue);
      return map;
    }
    case RESP_TYPES.SET:
      return new Set(items);
    case RESP_TYPES.PUSH:
      return new RespPush(items);
    default:
      return items;
  }
}

/** Wraps `value` in its attributes, the last one read innermost. */
function wrapInAttributes(attributes: readonly AttributeMap[], value: RespValue): RespValue {
  for (let i = attributes.length - 1; i >= 0; i--)
    value = new RespAttributed(attributes[i] as AttributeMap, value);
  return value;
}
