/** A least-recently-used map of byte arrays, bounded by their total size rather than their number. */

/** Bytes counted per entry on top of its content (key, map slot), so that empty tiles are not free. */
const ENTRY_OVERHEAD_BYTES = 128;

export class ByteLru {
  private readonly entries = new Map<string, Uint8Array>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  /** The value, now the most recently used; undefined when absent. */
  get(key: string): Uint8Array | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Stores the value, evicting the least recently used; a value larger than the whole cache is not kept. */
  set(key: string, value: Uint8Array): void {
    this.delete(key);
    const size = sizeOf(key, value);
    if (size > this.maxBytes) return;
    this.entries.set(key, value);
    this.bytes += size;
    for (const [oldest, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(oldest, v);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(key, value);
  }

  /** Bytes held, overhead included. */
  get sizeBytes(): number {
    return this.bytes;
  }

  get count(): number {
    return this.entries.size;
  }
}

function sizeOf(key: string, value: Uint8Array): number {
  return value.byteLength + key.length * 2 + ENTRY_OVERHEAD_BYTES;
}
