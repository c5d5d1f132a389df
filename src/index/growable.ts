/**
 * A typed array that grows by half when full: a large corpus's postings cost their bytes, not a JS
 * array slot each. Hand-written: a few lines, and no package offers exactly this.
 */
export class Growable<T extends Uint32Array | Uint8Array> {
  length = 0;

  constructor(private data: T) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new (this.data.constructor as new (n: number) => T)(Math.ceil(this.data.length * 1.5) + 16);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }

  /** The values pushed so far, as an array of their own. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}
