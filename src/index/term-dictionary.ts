/**
 * A segment's terms as flat typed arrays: UTF-8 bytes back to back, where each term starts, and an
 * open-addressing hash table of term numbers. Loading it is reading three arrays, not building a Map of
 * hundreds of thousands of strings. Hand-written: no package offers a string → id table over typed arrays.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const EMPTY = 0;

/** FNV-1a over bytes. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

/** A looked-up term encoded once, to be found in several dictionaries (one per segment). */
export function encodeTerm(term: string): Uint8Array {
  return encoder.encode(term);
}

export class TermDictionary {
  constructor(
    readonly bytes: Uint8Array,
    /** Term `id` is `bytes[starts[id] … starts[id + 1])`. */
    readonly starts: Uint32Array,
    /** Slot → term id + 1 (0 = empty); the length is a power of two. */
    readonly slots: Uint32Array,
  ) {}

  static fromTerms(terms: readonly string[]): TermDictionary {
    const encoded = terms.map((t) => encoder.encode(t));
    const starts = new Uint32Array(terms.length + 1);
    encoded.forEach((e, i) => (starts[i + 1] = starts[i]! + e.length));
    const bytes = new Uint8Array(starts[terms.length]!);
    encoded.forEach((e, i) => bytes.set(e, starts[i]!));
    let size = 16;
    while (size < terms.length * 2) size *= 2;
    const slots = new Uint32Array(size);
    for (let id = 0; id < terms.length; id++) {
      let slot = hashBytes(bytes, starts[id]!, starts[id + 1]!) & (size - 1);
      while (slots[slot] !== EMPTY) slot = (slot + 1) & (size - 1);
      slots[slot] = id + 1;
    }
    return new TermDictionary(bytes, starts, slots);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The number of the term whose UTF-8 bytes are `encoded` ({@link encodeTerm}), or -1. */
  idOf(encoded: Uint8Array): number {
    const mask = this.slots.length - 1;
    for (let slot = hashBytes(encoded, 0, encoded.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) return -1;
      if (this.equals(entry - 1, encoded)) return entry - 1;
    }
  }

  term(id: number): string {
    return decoder.decode(this.bytes.subarray(this.starts[id]!, this.starts[id + 1]!));
  }

  private equals(id: number, encoded: Uint8Array): boolean {
    const start = this.starts[id]!;
    if (this.starts[id + 1]! - start !== encoded.length) return false;
    for (let i = 0; i < encoded.length; i++) if (this.bytes[start + i] !== encoded[i]) return false;
    return true;
  }
}
