// Reads a request body chunk by chunk, counting bytes, honouring reset and bandwidth faults; never buffers it whole.
import type { IncomingMessage } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

/** Thrown when a reset fault destroyed the connection. */
export class ConnectionResetByFault extends Error {
  override name = "ConnectionResetByFault" as const;
}

/** Thrown by `readAll` when the body exceeds its limit (the rest is drained first). */
export class BodyTooLarge extends Error {
  override name = "BodyTooLarge" as const;
}

/** A request body as an async chunk source with fault hooks. */
export class RequestBody {
  /** Bytes read so far. */
  bytesRead = 0;
  /** When set, destroy the socket once this many bytes have been read. */
  resetAfter: number | undefined;
  #throttle:
    { bytesPerSecond: number; since: number; bytes: number } | undefined;
  readonly #source: AsyncIterator<Buffer>;
  readonly #startedAt = Date.now();
  #done = false;

  constructor(
    private readonly req: IncomingMessage,
    private readonly signal: AbortSignal,
  ) {
    this.#source = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  /** True once the body has been read to its end. */
  get done(): boolean {
    return this.#done;
  }

  /** Limits reading to `bytesPerSecond`, counting the bytes already read since the body started. */
  throttle(bytesPerSecond: number): void {
    this.#throttle = {
      bytesPerSecond,
      since: this.#startedAt,
      bytes: this.bytesRead,
    };
  }

  /** Resets the connection now if a reset is due (e.g. at the end of a body shorter than `resetAfter`). */
  resetIfDue(force = false): void {
    if (
      this.resetAfter !== undefined &&
      (force || this.bytesRead >= this.resetAfter)
    ) {
      this.req.socket.destroy();
      throw new ConnectionResetByFault("connection reset by fault");
    }
  }

  /** The next chunk, or `undefined` at the end. */
  async next(): Promise<Buffer | undefined> {
    if (this.#done) return undefined;
    this.resetIfDue();
    await this.#wait(0);
    const result = await this.#source.next();
    if (result.done) {
      this.#done = true;
      return undefined;
    }
    let chunk = result.value;
    if (
      this.resetAfter !== undefined &&
      this.bytesRead + chunk.length >= this.resetAfter
    ) {
      chunk = chunk.subarray(0, this.resetAfter - this.bytesRead);
    }
    this.bytesRead += chunk.length;
    await this.#wait(chunk.length);
    return chunk;
  }

  /** Reads the whole body into memory if it is at most `limit` bytes; otherwise drains it and throws BodyTooLarge. */
  async readAll(limit: number): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for (let chunk = await this.next(); chunk; chunk = await this.next()) {
      size += chunk.length;
      if (size > limit) {
        await this.drain();
        throw new BodyTooLarge(`body exceeds ${limit} bytes`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  /** Reads and discards the rest of the body. */
  async drain(): Promise<void> {
    while (await this.next());
  }

  async #wait(bytes: number): Promise<void> {
    const throttle = this.#throttle;
    if (!throttle) return;
    throttle.bytes += bytes;
    const due =
      throttle.since + (throttle.bytes / throttle.bytesPerSecond) * 1000;
    const delay = due - Date.now();
    if (delay > 0) await sleep(delay, undefined, { signal: this.signal });
  }
}
