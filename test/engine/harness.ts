// Starts the fake X server and a MediaClient pointed at it, with tiny backoff values for fast tests.
import {
  createMediaClient,
  type MediaClient,
  type MediaClientOptions,
} from "../../src/index.js";
import {
  startFakeXServer,
  type FakeXServer,
  type FakeXServerOptions,
} from "../../src/testing/index.js";

/** Fast processing and tiny retry delays. */
export const FAST: FakeXServerOptions = {
  processing: { pendingMs: 20, inProgressMs: 60, checkAfterSecs: 0 },
};

/**
 * Test retry policy: millisecond backoffs, and a 429 whose reset is more than 5 s away fails at once
 * (a spent 15-minute budget is a RateLimitError in the test, not a 15-minute hang).
 */
export const TEST_RETRY = {
  retries: 3,
  minDelayMs: 1,
  maxDelayMs: 5,
  maxRateLimitWaitMs: 5000,
} as const;

/** Client options for tests: the fake's URL, a token, and TEST_RETRY under `options.retry`. */
export function clientFor(
  server: FakeXServer,
  options: Partial<MediaClientOptions> = {},
): MediaClient {
  return createMediaClient({
    auth: { type: "oauth2", accessToken: "test-token-0123456789" },
    baseUrl: server.url,
    ...options,
    retry: { ...TEST_RETRY, ...options.retry },
  });
}

/** A started fake server with FAST processing unless overridden. */
export function startServer(
  options: FakeXServerOptions = {},
): Promise<FakeXServer> {
  return startFakeXServer({ ...FAST, ...options });
}

/** APPEND requests of the fake's log (of one media id, if given), as `index:status` strings. */
export function appendLog(server: FakeXServer, mediaId?: string): string[] {
  return server.requests
    .filter(
      (r) =>
        r.operation === "appendMediaUpload" &&
        (mediaId === undefined || r.mediaId === mediaId),
    )
    .map((r) => `${r.segmentIndex}:${r.status ?? r.outcome}`);
}
