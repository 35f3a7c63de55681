// The two ends of a list, as LMOVE, BLMOVE, LMPOP and BLMPOP name them (LEFT = head, RIGHT = tail).
import type { ListValue } from '../../keyspace/list-value.js';

export const ListEnd = {
  /** LEFT: the head, where LPUSH adds and LPOP takes. */
  left: 0,
  /** RIGHT: the tail, where RPUSH adds and RPOP takes. */
  right: 1,
} as const;
export type ListEnd = (typeof ListEnd)[keyof typeof ListEnd];

/** Parses LEFT or RIGHT (any case); null for anything else (the caller replies with a syntax error). */
export function parseListEnd(text: string): ListEnd | null {
  const upper = text.toUpperCase();
  if (upper === 'LEFT') return ListEnd.left;
  if (upper === 'RIGHT') return ListEnd.right;
  return null;
}

export function popEnd(list: ListValue, end: ListEnd): string | undefined {
  return end === ListEnd.left ? list.popHead() : list.popTail();
}

export function pushEnd(list: ListValue, end: ListEnd, element: string): void {
  if (end === ListEnd.left) list.pushHead(element);
  else list.pushTail(element);
}
