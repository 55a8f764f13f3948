// What the engine needs from any input: its size, a peek for MIME sniffing, and segment bytes.
/** An opened upload input. */
export interface MediaSource {
  /** Total bytes (INIT's `total_bytes`). */
  readonly size: number;
  /** A file name for extension-based type fallback, when known. */
  readonly fileName: string | undefined;
  /** The type the input declares (`Blob.type`), when any. */
  readonly declaredType: string | undefined;
  /** Whether `read` must be called in order (streams) rather than at random (files, bytes). */
  readonly sequential: boolean;
  /** The first `n` bytes (fewer if the input is shorter), without consuming them. */
  head(n: number): Promise<Uint8Array>;
  /** Bytes [start, end) as a Blob (lazy for files); sequential sources require start to follow the previous end. */
  read(start: number, end: number): Promise<Blob>;
  /** Throws InvalidInputError if a stream holds more bytes than its declared size. */
  finish(): Promise<void>;
  /** Releases the input: cancels a stream, deletes a spool file. Safe to call twice. */
  close(): Promise<void>;
}
