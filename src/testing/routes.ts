// Maps method and path to an operation and its `{id}` path parameter.
import type { FakeOperation } from "./types.js";

/** A matched route. */
export interface Route {
  operation: FakeOperation;
  pathId: string | undefined;
}

const ID_ROUTE = /^\/2\/media\/upload\/([^/]+)\/(append|finalize)$/;

/** The operation for `method` and `pathname`, or `undefined` if X serves no such route. */
export function matchRoute(
  method: string,
  pathname: string,
): Route | undefined {
  const path = pathname.replace(/\/+$/, "");
  const simple = SIMPLE[`${method} ${path}`];
  if (simple) return { operation: simple, pathId: undefined };
  const match = method === "POST" ? ID_ROUTE.exec(path) : null;
  if (!match) return undefined;
  let id = match[1] ?? "";
  try {
    id = decodeURIComponent(id);
  } catch {
    // Left encoded: the handler answers it as a malformed id.
  }
  return {
    operation:
      match[2] === "append" ? "appendMediaUpload" : "finalizeMediaUpload",
    pathId: id,
  };
}

const SIMPLE: Readonly<Record<string, FakeOperation>> = {
  "POST /2/media/upload/initialize": "initializeMediaUpload",
  "GET /2/media/upload": "getMediaUploadStatus",
  "POST /2/media/upload": "mediaUpload",
  "POST /2/media/metadata": "createMediaMetadata",
  "POST /2/media/subtitles": "createMediaSubtitles",
  "DELETE /2/media/subtitles": "deleteMediaSubtitles",
};
