/**
 * Holds the one value requests are served from (a loaded index version) and lets it be replaced while
 * requests run: each request leases the value it started with, a swap only changes what new leases get,
 * and a replaced value is closed once its last lease is released.
 */
export interface Closable {
  close(): void;
}

export interface Lease<T> {
  readonly value: T;
  /** Idempotent: a request may end along more than one path (finish, close, error). */
  release(): void;
}

interface Held<T> {
  value: T;
  leases: number;
  retired: boolean;
}

export class IndexHolder<T extends Closable> {
  private held: Held<T> | undefined;
  /** Replaced values still leased by requests in flight. */
  private readonly draining = new Set<Held<T>>();

  current(): T | undefined {
    return this.held?.value;
  }

  /** Versions no longer served whose requests are still running. */
  get retiredInUse(): number {
    return this.draining.size;
  }

  acquire(): Lease<T> | undefined {
    const held = this.held;
    if (!held) return undefined;
    held.leases++;
    let released = false;
    return {
      value: held.value,
      release: () => {
        if (released) return;
        released = true;
        held.leases--;
        if (held.retired && held.leases === 0) this.dispose(held);
      },
    };
  }

  /** Serves `value` from now on; the previous value is closed when its requests have finished. */
  swap(value: T): void {
    const previous = this.held;
    this.held = { value, leases: 0, retired: false };
    if (previous) this.retire(previous);
  }

  /** Stops serving: the current value is closed once its requests have finished. */
  clear(): void {
    if (this.held) this.retire(this.held);
    this.held = undefined;
  }

  private retire(held: Held<T>): void {
    held.retired = true;
    if (held.leases === 0) this.dispose(held);
    else this.draining.add(held);
  }

  private dispose(held: Held<T>): void {
    this.draining.delete(held);
    held.value.close();
  }
}
