// Forward reading over a ByteReader through a window, for formats walked block by block (GIF, JPEG).
import type { ByteReader } from "./types.js";

const WINDOW = 256 * 1024;

/** A position in a file with the bytes around it loaded on demand; `bytesRead` counts what was read. */
export class Cursor {
  position = 0;
  bytesRead = 0;
  private window: Uint8Array = new Uint8Array();
  private windowStart = 0;

  constructor(private readonly reader: ByteReader) {}

  /** Loads `n` bytes from `position`; false when the file ends first. */
  async need(n: number): Promise<boolean> {
    const offset = this.position - this.windowStart;
    if (offset >= 0 && offset + n <= this.window.length) return true;
    if (this.position + n > this.reader.size) return false;
    const end = Math.min(this.reader.size, this.position + Math.max(n, WINDOW));
    this.window = await this.reader.read(this.position, end);
    this.windowStart = this.position;
    this.bytesRead += this.window.length;
    return this.window.length >= n;
  }

  /** The byte at `position + at` (call `need` first). */
  peek(at = 0): number {
    return this.window[this.position - this.windowStart + at] ?? 0;
  }

  /** The next byte, advancing. */
  u8(): number {
    return this.window[this.position++ - this.windowStart] ?? 0;
  }

  /** A 16-bit number at `position + at`. */
  u16(at: number, littleEndian: boolean): number {
    const a = this.peek(at);
    const b = this.peek(at + 1);
    return littleEndian ? a | (b << 8) : (a << 8) | b;
  }
}
