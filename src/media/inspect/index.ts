// Dispatches inspection by media type; a file that cannot be read as its type is described, not thrown.
import type { MediaType } from "../types.js";
import { inspectGif } from "./gif.js";
import { inspectImage } from "./image.js";
import { inspectMp4 } from "./mp4.js";
import type { ByteReader, MediaInspection, OtherInspection } from "./types.js";

type Found = Omit<MediaInspection, "mediaType">;

/** Inspects the file behind `reader` as `mediaType`, reading only the headers and boxes that type needs. */
export async function inspectBytes(
  reader: ByteReader,
  mediaType: MediaType | undefined,
): Promise<MediaInspection> {
  let found: Found;
  try {
    found = await inspectAs(reader, mediaType);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    found = other(reader, true, `could not be read as ${mediaType}: ${why}`);
  }
  return { ...found, mediaType } as MediaInspection;
}

async function inspectAs(
  reader: ByteReader,
  mediaType: MediaType | undefined,
): Promise<Found> {
  switch (mediaType) {
    case "video/mp4":
    case "video/quicktime":
      return inspectMp4(reader);
    case "image/gif":
      return inspectGif(reader);
    case "image/png":
      return inspectImage(reader, "png");
    case "image/jpeg":
    case "image/pjpeg":
      return inspectImage(reader, "jpeg");
    case "image/webp":
      return inspectImage(reader, "webp");
    default:
      return other(
        reader,
        false,
        mediaType === undefined
          ? "unrecognised media type"
          : `${mediaType} is not inspected (MP4, MOV, GIF, PNG, JPEG and WEBP are)`,
      );
  }
}

function other(
  reader: ByteReader,
  failed: boolean,
  reason: string,
): Omit<OtherInspection, "mediaType"> {
  return { kind: "other", size: reader.size, reason, failed, bytesRead: 0 };
}

export type * from "./types.js";
