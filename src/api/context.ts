// What every request of an upload (or a single MediaClient call) shares, and the one place it is built.
import type { XClient } from "./x-client.js";
import type { AttemptLimits } from "../http/attempt.js";
import type { RateState } from "./rate-state.js";
import {
  retryListener,
  type RetryContext,
  type RetryEvent,
  type RetryPolicy,
} from "./retry.js";

/** What all requests of one client share: the API part of the client runtime. */
export interface ApiRuntime {
  /** The authenticated openapi-fetch client. */
  client: XClient;
  /** API origin, for the URLs errors report. */
  baseUrl: string;
  /** Credential values never to show in messages. */
  secrets: readonly string[];
  /** One gate per X endpoint. */
  rate: RateState;
}

/** The client, limits and retry state a request runs with. */
export interface RequestContext extends Pick<
  ApiRuntime,
  "client" | "baseUrl" | "secrets"
> {
  limits: AttemptLimits;
  retry: RetryContext;
  /** Aborts requests and waits (the caller's signal, or the upload's internal one). */
  signal: AbortSignal | undefined;
}

/** The request context of one call, or of one upload with its internal signal. */
export function requestContext(
  runtime: ApiRuntime,
  options: AttemptLimits & {
    retry: RetryPolicy;
    onRetry?: ((event: RetryEvent) => void) | undefined;
  },
  signal: AbortSignal | undefined,
): RequestContext {
  return {
    client: runtime.client,
    baseUrl: runtime.baseUrl,
    secrets: runtime.secrets,
    signal,
    limits: {
      requestTimeoutMs: options.requestTimeoutMs,
      stallTimeoutMs: options.stallTimeoutMs,
    },
    retry: {
      policy: options.retry,
      rate: runtime.rate,
      signal,
      onRetry: retryListener(options.onRetry, options.retry.retries),
    },
  };
}
