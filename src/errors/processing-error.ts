// X accepted the bytes but could not process the media.
import { clause } from "./clause.js";
import { XMediaError } from "./x-media-error.js";
import type { operations } from "../../generated/openapi.js";

type StatusData = NonNullable<
  operations["getMediaUploadStatus"]["responses"][200]["content"]["application/json"]["data"]
>;
/** `processing_info` as X reports it. */
export type ProcessingInfo = NonNullable<StatusData["processing_info"]>;

/** X reported a processing error: state `failed`, or an `error` in any state (for instance a video codec X does not accept). */
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
      ? `${error.name} (code ${error.code}): ${clause(error.message)}`
      : "no reason given";
    // X may report the error while still saying in_progress (e.g. 99%); say so, since it will not end by itself.
    const state =
      processing.state === "failed" || processing.state === undefined
        ? ""
        : ` (reported while ${processing.state}${processing.progress_percent === undefined ? "" : ` at ${processing.progress_percent}%`})`;
    super(
      `X could not process media ${mediaId}${state}: ${what}. Check the file against X's media requirements (codec, dimensions, duration) and upload it again.`,
    );
    this.mediaId = mediaId;
    this.code = error?.code;
    this.errorName = error?.name;
    this.processing = processing;
  }
}
