// Reads a web ReadableStream or a Node Readable in exact byte counts, holding only what is asked for.
// Every read is bounded by the stall limit, and whatever the stream throws becomes an InvalidInputError.
import type { Readable } from "node:stream";
import { clearTimeout, setTimeout } from "node:timers";
import {
  InvalidInputError,
  innermostMessage,
  isXMediaError,
} from "../../errors/index.js";
import { redactText } from "../../http/redact.js";

/** A web or Node byte stream. */
export type ByteStream = ReadableStream<Uint8Array> | Readable;

/** Pulls chunks from a stream and hands out exact byte counts. */
export class ChunkReader {
  #next: () => Promise<Uint8Array | undefined>;
  #cancel: () => Promise<void>;
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #ended = false;
  #bytesRead = 0;

  /** `stallTimeoutMs`: longest wait for the stream's next chunk (or its end). */
  constructor(
    stream: ByteStream,
    private readonly stallTimeoutMs: number = Infinity,
  ) {
    if (stream instanceof ReadableStream) {
      const reader = stream.getReader();
      this.#next = async () => {
        const { done, value } = (await reader.read()) as {
          done: boolean;
          value: unknown;
        };
        return done ? undefined : toBytes(value);
      };
      this.#cancel = () => reader.cancel().catch(() => {});
    } else {
      const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<unknown>;
      this.#next = async () => {
        const { done, value } = await iterator.next();
        return done ? undefined : toBytes(value);
      };
      this.#cancel = async () => {
        stream.destroy();
      };
    }
  }

  /** The next chunk as the stream gave it, after any bytes left over from `read`, or undefined at the end. */
  async chunk(): Promise<Uint8Array | undefined> {
    const pending = this.#pending.shift();
    if (pending) {
      this.#pendingBytes -= pending.byteLength;
      return pending;
    }
    return this.#pull();
  }

  /** The first `n` bytes not yet read (fewer at the end), without consuming them. */
  async peek(n: number): Promise<Uint8Array> {
    await this.#fill(n);
    return concat(this.#pending, Math.min(n, this.#pendingBytes));
  }

  /** Consumes exactly `n` bytes (fewer only when the stream ends first), as views of the stream's chunks. */
  async read(n: number): Promise<Uint8Array[]> {
    await this.#fill(n);
    const parts: Uint8Array[] = [];
    let left = Math.min(n, this.#pendingBytes);
    this.#pendingBytes -= left;
    while (left > 0) {
      const head = this.#pending[0] as Uint8Array;
      if (head.byteLength <= left) {
        parts.push(head);
        this.#pending.shift();
        left -= head.byteLength;
      } else {
        parts.push(head.subarray(0, left));
        this.#pending[0] = head.subarray(left);
        left = 0;
      }
    }
    return parts;
  }

  /** Whether the stream holds no more bytes. */
  async atEnd(): Promise<boolean> {
    await this.#fill(1);
    return this.#pendingBytes === 0;
  }

  /** Stops reading and releases the stream. */
  cancel(): Promise<void> {
    this.#ended = true;
    this.#pending = [];
    this.#pendingBytes = 0;
    return this.#cancel();
  }

  async #fill(n: number): Promise<void> {
    while (this.#pendingBytes < n) {
      const chunk = await this.#pull();
      if (!chunk) return;
      this.#pending.push(chunk);
      this.#pendingBytes += chunk.byteLength;
    }
  }

  async #pull(): Promise<Uint8Array | undefined> {
    while (!this.#ended) {
      const chunk = await this.#nextWithinStallLimit();
      if (chunk === undefined) this.#ended = true;
      else if (chunk.byteLength > 0) {
        this.#bytesRead += chunk.byteLength;
        return chunk;
      }
    }
    return undefined;
  }

  async #nextWithinStallLimit(): Promise<Uint8Array | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      if (!Number.isFinite(this.stallTimeoutMs)) return;
      timer = setTimeout(
        () =>
          reject(
            new InvalidInputError(
              `The input stream neither gave a byte nor ended for stallTimeoutMs (${this.stallTimeoutMs} ms), after ${this.#bytesRead} bytes. End the stream after its last byte, or raise \`stallTimeoutMs\` for a slow producer.`,
            ),
          ),
        this.stallTimeoutMs,
      );
    });
    try {
      return await Promise.race([this.#next(), stalled]);
    } catch (error) {
      if (isXMediaError(error)) throw error;
      throw new InvalidInputError(
        `Reading the input stream failed after ${this.#bytesRead} bytes: ${redactText(innermostMessage(error))}. Check the stream's source and upload again.`,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
  }
}

function toBytes(value: unknown): Uint8Array {
  // By tag, not instanceof: a Buffer may come from another realm (vm contexts, jest).
  if (Object.prototype.toString.call(value) === "[object Uint8Array]")
    return value as Uint8Array;
  const got =
    typeof value === "object" && value !== null
      ? (value.constructor?.name ?? "an object")
      : typeof value;
  throw new InvalidInputError(
    `Expected the input stream to yield bytes (Uint8Array/Buffer), got ${got}. Encode text first (TextEncoderStream), and do not set an encoding on a Node stream.`,
  );
}

function concat(chunks: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= n) break;
    const part = chunk.subarray(0, n - at);
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
