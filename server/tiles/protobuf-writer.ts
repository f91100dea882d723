/**
 * The few protobuf wire-format writes a vector tile needs: varints, length-delimited fields (nested
 * messages, packed varints, strings) and doubles, into one growing buffer.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;

const utf8 = new TextEncoder();

export class ProtobufWriter {
  private buf = new Uint8Array(4096);
  private view = new DataView(this.buf.buffer);
  private pos = 0;

  /** Unsigned varint; `value` must be a non-negative integer up to 2^53. */
  varint(value: number): void {
    this.reserve(10);
    let v = value;
    while (v >= 0x80) {
      this.buf[this.pos++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.pos++] = v;
  }

  uintField(field: number, value: number): void {
    this.varint((field << 3) | WIRE_VARINT);
    this.varint(value);
  }

  /** A signed integer as zigzag varint (protobuf `sint64`). */
  sintField(field: number, value: number): void {
    this.varint((field << 3) | WIRE_VARINT);
    this.varint(zigzag(value));
  }

  boolField(field: number, value: boolean): void {
    this.uintField(field, value ? 1 : 0);
  }

  doubleField(field: number, value: number): void {
    this.varint((field << 3) | WIRE_FIXED64);
    this.reserve(8);
    this.view.setFloat64(this.pos, value, true);
    this.pos += 8;
  }

  stringField(field: number, value: string): void {
    this.message(field, () => {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      this.reserve(value.length * 3);
      this.pos += utf8.encodeInto(value, this.buf.subarray(this.pos)).written;
    });
  }

  /** `values` as a packed repeated varint field; nothing is written for an empty list. */
  packedField(field: number, values: readonly number[]): void {
    if (values.length === 0) return;
    this.message(field, () => {
      for (const v of values) this.varint(v);
    });
  }

  /** A length-delimited field whose content `write` appends. */
  message(field: number, write: () => void): void {
    this.varint((field << 3) | WIRE_LENGTH);
    // Reserve one byte for the length; move the content if the length needs more.
    this.reserve(1);
    const start = ++this.pos;
    write();
    const length = this.pos - start;
    const lengthBytes = varintSize(length);
    if (lengthBytes > 1) {
      this.reserve(lengthBytes - 1);
      this.buf.copyWithin(start + lengthBytes - 1, start, this.pos);
      this.pos += lengthBytes - 1;
    }
    const end = this.pos;
    this.pos = start - 1;
    this.varint(length);
    this.pos = end;
  }

  /** A copy of what was written. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }

  private reserve(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + bytes) size *= 2;
    const next = new Uint8Array(size);
    // The whole buffer: `message` rewinds `pos` to write a length before content already written.
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}

/** Zigzag mapping of a signed integer to an unsigned one (0, -1, 1, -2 … → 0, 1, 2, 3 …). */
export function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function varintSize(value: number): number {
  let size = 1;
  for (let v = value; v >= 0x80; v = Math.floor(v / 0x80)) size++;
  return size;
}
