// The client runtime: created once per createMediaClient, it holds what every upload of the client shares —
// the authenticated API client, the secrets to redact, one rate state per X endpoint and the APPEND budget.
import type { Auth } from "../auth/middleware.js";
import { accountIdentity } from "../auth/identity.js";
import {
  resolveConnection,
  xClientFor,
  type XClientOptions,
} from "../api/x-client.js";
import { RequestBudget } from "../engine/budget.js";
import { createRateState, type RateState } from "../api/rate-state.js";
import type { ClientContext } from "../engine/settings.js";

/** What one client's uploads and calls share. */
export type ClientRuntime = ClientContext;

/** Builds the runtime of a client; throws TypeError for bad connection settings. */
export function createClientRuntime(
  connection: XClientOptions,
  shared: {
    maxConcurrentRequests: number;
    rateState?: RateState | undefined;
    accountId?: string | undefined;
  },
): ClientRuntime {
  const resolved = resolveConnection(connection);
  return {
    identity: accountIdentity(resolved.auth, shared.accountId),
    client: xClientFor(resolved),
    baseUrl: resolved.baseUrl,
    secrets: secretsOf(resolved.auth),
    rate: shared.rateState ?? createRateState(),
    budget: new RequestBudget(shared.maxConcurrentRequests),
  };
}

function secretsOf(auth: Auth): string[] {
  return auth.type === "oauth2"
    ? [auth.accessToken]
    : [
        auth.consumerKey,
        auth.consumerSecret,
        auth.accessToken,
        auth.accessTokenSecret,
      ];
}
