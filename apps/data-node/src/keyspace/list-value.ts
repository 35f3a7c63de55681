// The list value: a growable ring buffer of byte strings (latin1, one char per byte). Push and pop at both
// ends and access by index are O(1) with no per-element wrapper object; insertion and removal in the middle
// (LINSERT, LREM) shift elements like Redis's quicklist does. The capacity is a power of two so that a
// logical index maps to a slot with one mask; it doubles when full and halves when three quarters are
// unused. Emptied slots hold '' so that popped strings can be collected. No keyspace logic here: the
// commands delete a key whose list became empty.
import { ValueKind, type CollectionValue } from './values.js';

/** Smallest capacity (a power of two). */
const MIN_CAPACITY = 4;
/** Fixed cost of a list: the object, its slot array header and the key's type bookkeeping. */
const LIST_BASE_BYTES = 64;
/** Per-element cost on top of its bytes: the string header (the 8-byte slot is counted with the capacity). */
const ELEMENT_OVERHEAD_BYTES = 16;
const SLOT_BYTES = 8;

export class ListValue implements CollectionValue {
  readonly kind = ValueKind.list;
  accountedBytes = 0;
  private slots: string[];
  private mask: number;
  private head = 0;
  private length = 0;
  private byteCount: number;

  /** An empty list with room for `capacity` elements before it grows. */
  constructor(capacity = MIN_CAPACITY) {
    const size = capacityFor(capacity);
    this.slots = emptySlots(size);
    this.mask = size - 1;
    this.byteCount = LIST_BASE_BYTES + size * SLOT_BYTES;
  }

  /** A list holding `elements` head to tail; null when there are none (an empty list is never stored). */
  static fromParts(elements: readonly string[]): ListValue | null {
    if (elements.length === 0) return null;
    const list = new ListValue(elements.length);
    for (const element of elements) list.pushTail(element);
    return list;
  }

  get size(): number {
    return this.length;
  }

  get bytes(): number {
    return this.byteCount;
  }

  /** The element at `index` (0 = head); the caller checks 0 <= index < size. */
  at(index: number): string {
    return this.slots[(this.head + index) & this.mask] as string;
  }

  /** Replaces the element at `index` (0 <= index < size). */
  set(index: number, element: string): void {
    const slot = (this.head + index) & this.mask;
    this.byteCount += element.length - (this.slots[slot] as string).length;
    this.slots[slot] = element;
  }

  pushHead(element: string): void {
    if (this.length === this.slots.length) this.resize(this.slots.length * 2);
    this.head = (this.head - 1) & this.mask;
    this.slots[this.head] = element;
    this.length++;
    this.byteCount += element.length + ELEMENT_OVERHEAD_BYTES;
  }

  pushTail(element: string): void {
    if (this.length === this.slots.length) this.resize(this.slots.length * 2);
    this.slots[(this.head + this.length) & this.mask] = element;
    this.length++;
    this.byteCount += element.length + ELEMENT_OVERHEAD_BYTES;
  }

  /** Removes and returns the head element, or undefined when empty. */
  popHead(): string | undefined {
    if (this.length === 0) return undefined;
    const element = this.dropHead();
    this.shrinkIfSparse();
    return element;
  }

  /** Removes and returns the tail element, or undefined when empty. */
  popTail(): string | undefined {
    if (this.length === 0) return undefined;
    const element = this.dropTail();
    this.shrinkIfSparse();
    return element;
  }

  /** Inserts `element` so that it ends up at `index` (0 <= index <= size), shifting the shorter side. */
  insert(index: number, element: string): void {
    if (index === 0) {
      this.pushHead(element);
      return;
    }
    if (index === this.length) {
      this.pushTail(element);
      return;
    }
    if (this.length === this.slots.length) this.resize(this.slots.length * 2);
    const { slots, mask } = this;
    if (index < this.length - index) {
      // Shift the elements before `index` one slot towards the head.
      const head = (this.head = (this.head - 1) & mask);
      for (let i = 0; i < index; i++) slots[(head + i) & mask] = slots[(head + i + 1) & mask] as string;
    } else {
      // Shift the elements from `index` on one slot towards the tail.
      const head = this.head;
      for (let i = this.length; i > index; i--)
        slots[(head + i) & mask] = slots[(head + i - 1) & mask] as string;
    }
    slots[(this.head + index) & mask] = element;
    this.length++;
    this.byteCount += element.length + ELEMENT_OVERHEAD_BYTES;
  }

  /**
   * Removes up to `limit` elements equal to `element` (0 = all of them), scanning from the tail when
   * `fromTail`, and keeps the others in order (LREM). Returns how many were removed.
   */
  removeEqual(element: string, limit: number, fromTail: boolean): number {
    const { slots, mask, head } = this;
    const length = this.length;
    const step = fromTail ? -1 : 1;
    let read = fromTail ? length - 1 : 0;
    let write = read;
    let removed = 0;
    for (let n = 0; n < length; n++, read += step) {
      const current = slots[(head + read) & mask] as string;
      if (current === element && (limit === 0 || removed < limit)) {
        removed++;
        this.byteCount -= current.length + ELEMENT_OVERHEAD_BYTES;
        continue;
      }
      if (write !== read) slots[(head + write) & mask] = current;
      write += step;
    }
    if (removed === 0) return 0;
    // The kept elements are packed against the end scanning started from; clear the freed slots.
    const kept = length - removed;
    const firstKept = fromTail ? length - kept : 0;
    for (let i = 0; i < removed; i++) slots[(head + (fromTail ? i : kept + i)) & mask] = '';
    this.head = (head + firstKept) & mask;
    this.length = kept;
    this.shrinkIfSparse();
    return removed;
  }

  /** Keeps only the elements from `start` to `end` inclusive (0 <= start <= end < size), as LTRIM does. */
  keepRange(start: number, end: number): void {
    for (let i = this.length - 1; i > end; i--) this.dropTail();
    for (let i = 0; i < start; i++) this.dropHead();
    this.shrinkIfSparse();
  }

  /** Index of the first element equal to `element` from the head, or -1 (LINSERT's pivot). */
  indexOf(element: string): number {
    for (let i = 0; i < this.length; i++) if (this.at(i) === element) return i;
    return -1;
  }

  clone(): ListValue {
    const copy = new ListValue(this.length);
    for (let i = 0; i < this.length; i++) copy.pushTail(this.at(i));
    return copy;
  }

  /** Redis 7.0 encodes every list as a quicklist (listpack lists came with 7.2). */
  encoding(): string {
    return 'quicklist';
  }

  toParts(): string[] {
    const parts = new Array<string>(this.length);
    for (let i = 0; i < this.length; i++) parts[i] = this.at(i);
    return parts;
  }

  *members(): IterableIterator<string> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  // ------------------------------------------------------------------ storage

  /** Takes the head element out of a non-empty list (no shrinking). */
  private dropHead(): string {
    const element = this.slots[this.head] as string;
    this.slots[this.head] = '';
    this.head = (this.head + 1) & this.mask;
    this.length--;
    this.byteCount -= element.length + ELEMENT_OVERHEAD_BYTES;
    return element;
  }

  /** Takes the tail element out of a non-empty list (no shrinking). */
  private dropTail(): string {
    const slot = (this.head + this.length - 1) & this.mask;
    const element = this.slots[slot] as string;
    this.slots[slot] = '';
    this.length--;
    this.byteCount -= element.length + ELEMENT_OVERHEAD_BYTES;
    return element;
  }

  /** Past three quarters unused, moves to the smallest capacity that leaves the list half full. */
  private shrinkIfSparse(): void {
    const capacity = this.slots.length;
    if (capacity > MIN_CAPACITY && this.length <= capacity >>> 2) this.resize(capacityFor(this.length * 2));
  }

  /** Moves the elements to a new slot array of `capacity` (a power of two >= size), head at slot 0. */
  private resize(capacity: number): void {
    const next = emptySlots(capacity);
    for (let i = 0; i < this.length; i++) next[i] = this.at(i);
    this.byteCount += (capacity - this.slots.length) * SLOT_BYTES;
    this.slots = next;
    this.mask = capacity - 1;
    this.head = 0;
  }
}

/** The smallest power of two >= max(n, MIN_CAPACITY). */
function capacityFor(n: number): number {
  let size = MIN_CAPACITY;
  while (size < n) size *= 2;
  return size;
}

/** A packed array of `n` empty strings (packed arrays read faster than holey ones in V8). */
function emptySlots(n: number): string[] {
  const slots: string[] = [];
  for (let i = 0; i < n; i++) slots.push('');
  return slots;
}
