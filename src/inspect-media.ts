// inspectMedia(): what X's media rules look at (duration, size, frame rate, codecs, GIF frames…), read from a
// file's headers and boxes only, never the whole file (a GIF's blocks excepted: its frames span the file).
import { openSource, type UploadInput } from "./engine/source/open-source.js";
import { byteReader } from "./engine/source/byte-reader.js";
import { inspectBytes, type MediaInspection } from "./media/inspect/index.js";
import {
  mediaTypeFromExtension,
  sniffMediaType,
  SNIFF_BYTES,
} from "./media/sniff.js";
import { isMediaType, type MediaType } from "./media/types.js";

/** Options of {@link inspectMedia}. */
export interface InspectOptions {
  /**
   * Inspect as this type instead of the detected one.
   * @default detected from the magic bytes, else the file extension
   */
  mediaType?: MediaType;
  /**
   * A file name for extension-based detection (Buffers and streams have none).
   * @default the path's base name, or `File.name`
   */
  fileName?: string;
}

/**
 * Inspects a file path, `file:` URL, Buffer, Blob or stream (a stream is spooled to a temp file first).
 * Throws InvalidInputError when the input cannot be opened; a file that is not media of a known kind gives
 * `{ kind: "other", reason }`.
 */
export async function inspectMedia(
  input: UploadInput,
  options: InspectOptions = {},
): Promise<MediaInspection> {
  if (options.mediaType !== undefined && !isMediaType(options.mediaType)) {
    throw new TypeError(
      `Expected \`mediaType\` to be a media type X accepts, got ${JSON.stringify(options.mediaType)}.`,
    );
  }
  const source = await openSource(input, { fileName: options.fileName });
  try {
    const mediaType =
      options.mediaType ??
      sniffMediaType(await source.head(SNIFF_BYTES)) ??
      (source.fileName ? mediaTypeFromExtension(source.fileName) : undefined);
    return await inspectBytes(await byteReader(source), mediaType);
  } finally {
    await source.close();
  }
}
