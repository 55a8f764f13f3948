// What X reports about the media itself in FINALIZE and STATUS (spec 2.167+): image size and type,
// the processed video's type.
import type { operations } from "../../generated/openapi.js";

type StatusData = NonNullable<
  operations["getMediaUploadStatus"]["responses"][200]["content"]["application/json"]["data"]
>;
type FinalizeData = NonNullable<
  operations["finalizeMediaUpload"]["responses"][200]["content"]["application/json"]["data"]
>;
/** The `image` and `video` fields of a FINALIZE or STATUS answer. */
export type MediaDetails = Pick<StatusData, "image" | "video"> &
  Pick<FinalizeData, "image" | "video">;

/** An uploaded image as X describes it. */
export interface ImageDetails {
  /** Width in pixels, when X said. */
  readonly width: number | undefined;
  /** Height in pixels, when X said. */
  readonly height: number | undefined;
  /** X's MIME type of the image (`image_type`), when X said. */
  readonly imageType: string | undefined;
}

/** A processed video as X describes it. */
export interface VideoDetails {
  /** X's MIME type of the processed video (`video_type`), when X said. */
  readonly videoType: string | undefined;
}

/** `image` of an answer in the result's terms, undefined when X sent none. */
export function imageDetails(
  data: MediaDetails | undefined,
): ImageDetails | undefined {
  const image = data?.image;
  return image === undefined
    ? undefined
    : { width: image.w, height: image.h, imageType: image.image_type };
}

/** `video` of an answer in the result's terms, undefined when X sent none. */
export function videoDetails(
  data: MediaDetails | undefined,
): VideoDetails | undefined {
  const video = data?.video;
  return video === undefined ? undefined : { videoType: video.video_type };
}
