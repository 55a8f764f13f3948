// The likely fix for a failed request, by status and step; shown at the end of XApiError messages.
import type { OperationName } from "../errors/index.js";

/** One sentence telling the caller what to do about `status` on `operation`, given X's own words `text`. */
export function hintFor(
  status: number,
  operation: OperationName,
  text = "",
): string {
  if (/expired/i.test(text)) {
    return "The upload session expired (X keeps it for `expires_after_secs`); start a new upload.";
  }
  // X checks total_bytes against the account's own limit (dm_video: 512 MB, 1 GB with X Premium).
  if (status === 400 && /file size exceeds/i.test(text)) {
    return "X refused the file's size for this account and media category (video limits are higher with X Premium); make the file smaller, or upload from a Premium account. Set `accountTier` to have the library refuse it before sending.";
  }
  switch (status) {
    case 400:
      return operation === "append"
        ? "X rejected the segment; check `segmentBytes` and that the session is still open."
        : "X rejected the request; check `mediaType`, `mediaCategory` and the file against X's media limits.";
    case 401:
      return "Check the token / OAuth 1.0a keys: they are missing, expired or revoked (for OAuth 1.0a also check the clock).";
    case 403:
      return "The OAuth 2 token needs the media.write scope (or the app lacks write access to this account).";
    case 404:
      return operation === "initialize"
        ? "Check `baseUrl`: this endpoint does not exist there."
        : "The media id is unknown or its session expired; start a new upload.";
    case 408:
      return "X timed out reading the request; it was retried. Lower `segmentBytes` on slow links.";
    case 409:
      return "This media id is in a state that does not allow this step; start a new upload.";
    case 413:
      return "The request body is too large for X: lower `segmentBytes`.";
    case 415:
      return "X does not accept this media type; pass a supported `mediaType` or convert the file.";
    case 429:
      return "Rate limited: wait until the reset time, or raise `retry.maxRateLimitWaitMs` to let the upload wait.";
    default:
      return status >= 500
        ? "X (or a proxy in front of it) failed; the request was retried up to `retry.retries` times. Try again later."
        : "See the status and `errors` of this error for details.";
  }
}
