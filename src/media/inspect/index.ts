// Dispatches inspection by media type; a file that cannot be read as its type is described, not thrown.
import type { MediaType } from "../types.js";
import { inspectGif } from "./gif.js";
import { inspectImage } from "./image.js";
import { inspectMp4 } from "./mp4.js";
import type { ByteReader, MediaInspection } from "./types.js";

/** Inspects the file behind `reader` as `mediaType`, reading only the headers and boxes that type needs. */
export async function inspectBytes(
  reader: ByteReader,
  mediaType: MediaType | undefined,
): Promise<MediaInspection> {
  try {
    switch (mediaType) {
      case "video/mp4":
      case "video/quicktime":
        return await inspectMp4(reader);
      case "image/gif":
        return await inspectGif(reader);
      case "image/png":
        return await inspectImage(reader, "png");
      case "image/jpeg":
      case "image/pjpeg":
        return await inspectImage(reader, "jpeg");
      case "image/webp":
        return await inspectImage(reader, "webp");
      default:
        return other(
          reader,
          mediaType === undefined
            ? "unrecognised media type"
            : `${mediaType} is not inspected (MP4, MOV, GIF, PNG, JPEG and WEBP are)`,
        );
    }
  } catch (error) {
    return other(
      reader,
      `could not be read as ${mediaType}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function other(reader: ByteReader, reason: string): MediaInspection {
  return { kind: "other", size: reader.size, reason, bytesRead: 0 };
}

export type * from "./types.js";
