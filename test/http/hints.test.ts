// The fix each failed request's message ends with: by status and step, "expired" first.
import { describe, expect, test } from "@jest/globals";
import { hintFor } from "../../src/http/hints.js";

describe("hintFor", () => {
  test.each([
    [
      400,
      "append",
      "X rejected the segment; check `segmentBytes` and that the session is still open.",
    ],
    [
      400,
      "initialize",
      "X rejected the request; check `mediaType`, `mediaCategory` and the file against X's media limits.",
    ],
    [
      401,
      "append",
      "Check the token / OAuth 1.0a keys: they are missing, expired or revoked (for OAuth 1.0a also check the clock).",
    ],
    [
      403,
      "initialize",
      "The OAuth 2 token needs the media.write scope (or the app lacks write access to this account).",
    ],
    [404, "initialize", "Check `baseUrl`: this endpoint does not exist there."],
    [
      404,
      "finalize",
      "The media id is unknown or its session expired; start a new upload.",
    ],
    [
      408,
      "append",
      "X timed out reading the request; it was retried. Lower `segmentBytes` on slow links.",
    ],
    [
      409,
      "finalize",
      "This media id is in a state that does not allow this step; start a new upload.",
    ],
    [
      413,
      "append",
      "The request body is too large for X: lower `segmentBytes`.",
    ],
    [
      415,
      "initialize",
      "X does not accept this media type; pass a supported `mediaType` or convert the file.",
    ],
    [
      429,
      "append",
      "Rate limited: wait until the reset time, or raise `retry.maxRateLimitWaitMs` to let the upload wait.",
    ],
    [
      500,
      "status",
      "X (or a proxy in front of it) failed; the request was retried up to `retry.retries` times. Try again later.",
    ],
    [
      503,
      "append",
      "X (or a proxy in front of it) failed; the request was retried up to `retry.retries` times. Try again later.",
    ],
    [499, "append", "See the status and `errors` of this error for details."],
    [
      302,
      "initialize",
      "See the status and `errors` of this error for details.",
    ],
  ] as const)("%i on %s", (status, operation, hint) => {
    expect(hintFor(status, operation)).toBe(hint);
  });

  test("X refusing the file size on a 400 gets the account-limit hint; another status keeps its own", () => {
    expect(hintFor(400, "initialize", "File size exceeds 536870912")).toBe(
      "X refused the file's size for this account and media category (video limits are higher with X Premium); make the file smaller, or upload from a Premium account. Set `accountTier` to have the library refuse it before sending.",
    );
    expect(hintFor(413, "append", "file size exceeds")).toBe(
      "The request body is too large for X: lower `segmentBytes`.",
    );
  });

  test("X saying the session expired wins over the status, in any case", () => {
    const expired =
      "The upload session expired (X keeps it for `expires_after_secs`); start a new upload.";
    expect(hintFor(400, "append", "Session EXPIRED")).toBe(expired);
    expect(hintFor(500, "finalize", "upload expired")).toBe(expired);
    expect(hintFor(400, "append", "bad segment")).toBe(
      "X rejected the segment; check `segmentBytes` and that the session is still open.",
    );
  });
});
