// The handler of each operation.
import type { Handler } from "../context.js";
import type { FakeOperation } from "../types.js";
import { append } from "./append.js";
import { finalize } from "./finalize.js";
import { initialize } from "./initialize.js";
import { metadata } from "./metadata.js";
import { oneShot } from "./one-shot.js";
import { status } from "./status.js";
import { createSubtitles, deleteSubtitles } from "./subtitles.js";

/** Handlers by operationId. */
export const HANDLERS: Readonly<Record<FakeOperation, Handler>> = {
  initializeMediaUpload: initialize,
  appendMediaUpload: append,
  finalizeMediaUpload: finalize,
  getMediaUploadStatus: status,
  mediaUpload: oneShot,
  createMediaMetadata: metadata,
  createMediaSubtitles: createSubtitles,
  deleteMediaSubtitles: deleteSubtitles,
};
