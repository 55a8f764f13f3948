// What every request of an upload (or a single MediaClient call) shares.
import type { XClient } from "../client.js";
import type { AttemptLimits } from "../http/attempt.js";
import type { RetryContext } from "./retry.js";

/** The client, limits and retry state a request runs with. */
export interface RequestContext {
  /** The authenticated openapi-fetch client. */
  client: XClient;
  /** API origin, for the URLs errors report. */
  baseUrl: string;
  /** Credential values never to show in messages. */
  secrets: readonly string[];
  limits: AttemptLimits;
  retry: RetryContext;
  /** Aborts requests and waits (the caller's signal, or the upload's internal one). */
  signal: AbortSignal | undefined;
}
