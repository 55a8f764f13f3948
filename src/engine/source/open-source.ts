// Turns whatever the caller passed (path, file: URL, bytes, Blob, web or Node stream) into a MediaSource.
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { InvalidInputError } from "../../errors/index.js";
import { blobSource, bytesSource } from "./blob-source.js";
import { fileSource } from "./file-source.js";
import { spoolSource } from "./spool.js";
import { streamSource } from "./stream-source.js";
import type { MediaSource } from "./types.js";

/** Everything `upload()` accepts as media. */
export type UploadInput =
  | string
  | URL
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | Readable;

/** Hints that help open an input. */
export interface OpenHints {
  /** Byte count of a stream input (else it is spooled to a temp file). */
  size?: number | undefined;
  /** A name for extension-based type detection. */
  fileName?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Longest wait for a stream's next chunk or its end. */
  stallTimeoutMs?: number | undefined;
}

/** Opens `input`; throws InvalidInputError for anything that is not readable media. */
export async function openSource(
  input: UploadInput,
  hints: OpenHints = {},
): Promise<MediaSource> {
  if (typeof input === "string" || input instanceof URL) {
    return openFile(toPath(input), hints.fileName);
  }
  if (input instanceof Uint8Array) return bytesSource(input, hints.fileName);
  if (input instanceof ArrayBuffer)
    return bytesSource(new Uint8Array(input), hints.fileName);
  if (input instanceof Blob) {
    const name =
      hints.fileName ?? (input instanceof File ? input.name : undefined);
    return blobSource(input, name || undefined);
  }
  if (input instanceof ReadableStream || input instanceof Readable) {
    return hints.size === undefined
      ? spoolSource(input, hints.fileName, hints.signal, hints.stallTimeoutMs)
      : streamSource(input, hints.size, hints.fileName, hints.stallTimeoutMs);
  }
  throw new InvalidInputError(
    `Expected \`input\` to be a file path, a file: URL, a Uint8Array/Buffer, a Blob/File, a ReadableStream or a Node Readable, got ${describe(input)}.`,
  );
}

/** The file path `input` names (a path or file: URL), else undefined; throws InvalidInputError for other URLs. */
export function inputPath(input: UploadInput): string | undefined {
  return typeof input === "string" || input instanceof URL
    ? toPath(input)
    : undefined;
}

function toPath(input: string | URL): string {
  const isUrl = input instanceof URL || input.startsWith("file:");
  if (!isUrl) return input;
  const url = new URL(input);
  if (url.protocol !== "file:") {
    throw new InvalidInputError(
      `Expected \`input\` URL to use the file: protocol, got ${url.protocol}. Download remote media first and pass a stream.`,
    );
  }
  return fileURLToPath(url);
}

async function openFile(
  path: string,
  fileName: string | undefined,
): Promise<MediaSource> {
  try {
    // stat first: openAsBlob reports a missing file as ERR_INVALID_ARG_VALUE, and accepts directories.
    if (!(await stat(path)).isFile()) {
      throw new InvalidInputError(
        `The input path ${JSON.stringify(path)} is not a regular file. Pass a file path.`,
      );
    }
    return await fileSource(path, fileName ?? basename(path));
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    const code = (error as { code?: unknown }).code;
    throw new InvalidInputError(
      `Cannot read the input file ${JSON.stringify(path)}${typeof code === "string" ? ` (${code})` : ""}. Check that the path exists and is a readable file.`,
      { cause: error },
    );
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (typeof value !== "object") return typeof value;
  return value.constructor?.name ?? "object";
}
