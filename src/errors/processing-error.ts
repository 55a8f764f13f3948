// X accepted the bytes but could not process the media.
import { XMediaError } from "./x-media-error.js";
import type { operations } from "../../generated/openapi.js";

type StatusData = NonNullable<
  operations["getMediaUploadStatus"]["responses"][200]["content"]["application/json"]["data"]
>;
/** `processing_info` as X reports it. */
export type ProcessingInfo = NonNullable<StatusData["processing_info"]>;

/** Processing ended in state `failed` (for instance a video codec X does not accept). */
export class ProcessingError extends XMediaError {
  override name = "ProcessingError" as const;
  /** The media id whose processing failed. */
  override readonly mediaId: string;
  /** X's numeric error code, when given. */
  readonly code: number | undefined;
  /** X's error name, e.g. `InvalidMedia`, when given. */
  readonly errorName: string | undefined;
  /** The final `processing_info`. */
  readonly processing: ProcessingInfo;

  constructor(mediaId: string, processing: ProcessingInfo) {
    const error = processing.error;
    const what = error
      ? `${error.name} (code ${error.code}): ${error.message}`
      : "no reason given";
    super(
      `X could not process media ${mediaId}: ${what}. Check the file against X's media requirements (codec, dimensions, duration) and upload it again.`,
    );
    this.mediaId = mediaId;
    this.code = error?.code;
    this.errorName = error?.name;
    this.processing = processing;
  }
}
