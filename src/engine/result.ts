// What upload() resolves with.
import type { ProcessingInfo } from "../errors/index.js";
import type { PreflightIssue } from "../media/preflight/index.js";
import type { MediaCategory, MediaType } from "../media/types.js";
import type { ImageDetails, VideoDetails } from "./media-details.js";

/** A finished upload: pass `id` in `media.media_ids` of `POST /2/tweets`. */
export interface UploadResult {
  /** The media id (`media_id_string`): attach it to a post. */
  readonly id: string;
  /** The media key (e.g. `7_1234…`), when X returned one. */
  readonly mediaKey: string | undefined;
  /** Bytes uploaded. */
  readonly size: number;
  /** The media type declared at INIT. */
  readonly mediaType: MediaType;
  /** The media category declared at INIT (undefined for 3D models, which have none). */
  readonly mediaCategory: MediaCategory | undefined;
  /** When the media id expires unless attached, when X said. */
  readonly expiresAt: Date | undefined;
  /** The final `processing_info` (videos and GIFs), or undefined when X reported none (images). */
  readonly processing: ProcessingInfo | undefined;
  /** Preflight warnings (also passed to `onWarning`); in `preflight: "warn"` mode, errors X is expected to refuse too. */
  readonly warnings: readonly PreflightIssue[];
  /** Image width, height and type, when X reported them (FINALIZE/STATUS `image`). */
  readonly image: ImageDetails | undefined;
  /** The processed video's type, when X reported it (FINALIZE/STATUS `video`). */
  readonly video: VideoDetails | undefined;
  /** Set when a saved session was continued (`resume: true`): what was not sent again. */
  readonly resumed: ResumedUpload | undefined;
}

/** What a resumed upload skipped. */
export interface ResumedUpload {
  /** The media id INIT answered in the earlier run. */
  readonly mediaId: string;
  /** Segments X had acknowledged (all of them once FINALIZE was answered). */
  readonly skippedSegments: number;
  readonly skippedBytes: number;
}
