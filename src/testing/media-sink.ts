// Writes one request's media bytes to a temp file as they arrive, up to a cap; nothing is kept in memory.
import { open, unlink, type FileHandle } from "node:fs/promises";

// As many bytes as sniffMediaType wants (SNIFF_BYTES in src/media/sniff.ts).
const HEAD_BYTES = 4096;

/** One media part on its way to disk. */
export class MediaSink {
  /** Bytes offered so far (also past the cap). */
  bytes = 0;
  /** The first bytes (up to 4 KiB), for sniffing the media type. */
  head = Buffer.alloc(0);
  #handle: FileHandle | undefined;
  #discarded = false;

  private constructor(
    readonly file: string,
    handle: FileHandle,
    readonly maxBytes: number,
  ) {
    this.#handle = handle;
  }

  /** Opens `file` for writing; more than `maxBytes` makes the sink discard everything. */
  static async open(file: string, maxBytes: number): Promise<MediaSink> {
    return new MediaSink(file, await open(file, "w"), maxBytes);
  }

  /** True once more than the cap was offered. */
  get tooLarge(): boolean {
    return this.bytes > this.maxBytes;
  }

  /** Appends `chunk` (awaiting the disk, which paces the socket). */
  async write(chunk: Buffer): Promise<void> {
    if (this.head.length < HEAD_BYTES)
      this.head = Buffer.concat([
        this.head,
        chunk.subarray(0, HEAD_BYTES - this.head.length),
      ]);
    this.bytes += chunk.length;
    if (this.tooLarge) return this.discard();
    if (this.#handle && chunk.length > 0) await this.#handle.write(chunk);
  }

  /** Closes the file; returns its path, or `undefined` if it was discarded. */
  async close(): Promise<string | undefined> {
    await this.#handle?.close();
    this.#handle = undefined;
    return this.#discarded ? undefined : this.file;
  }

  /** Closes and deletes the file. */
  async discard(): Promise<void> {
    if (this.#discarded) return;
    this.#discarded = true;
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close().catch(() => {});
    await unlink(this.file).catch(() => {});
  }
}
