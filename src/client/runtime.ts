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
import {
  createRateState,
  type RateState,
  type RateStateFactory,
} from "../api/rate-state.js";
import { show } from "./option-checks.js";
import type { ClientContext } from "../engine/settings.js";

/** What one client's uploads and calls share. */
export type ClientRuntime = ClientContext;

/** Builds the runtime of a client; throws TypeError for bad connection settings. */
export function createClientRuntime(
  connection: XClientOptions,
  shared: {
    maxConcurrentRequests: number;
    rateState?: RateState | RateStateFactory | undefined;
    accountId?: string | undefined;
  },
): ClientRuntime {
  const resolved = resolveConnection(connection);
  const identity = accountIdentity(resolved.auth, shared.accountId);
  return {
    identity,
    client: xClientFor(resolved),
    baseUrl: resolved.baseUrl,
    secrets: secretsOf(resolved.auth),
    rate: rateStateFor(shared.rateState, identity),
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

const RATE_STATE_METHODS = [
  "acquire",
  "record",
  "hold",
  "pausedUntil",
] as const;

/** The `rateState` option: a RateState, a factory called with the account identity, or the in-process default. */
export function rateStateFor(option: unknown, identity: string): RateState {
  if (option === undefined) return createRateState();
  const state: unknown =
    typeof option === "function"
      ? (option as RateStateFactory)({ identity })
      : option;
  const missing = RATE_STATE_METHODS.filter(
    (m) => typeof (state as Partial<RateState> | null)?.[m] !== "function",
  );
  if (typeof state !== "object" || state === null || missing.length > 0) {
    throw new TypeError(
      `Expected \`rateState\` to be a RateState (acquire, record, hold, pausedUntil) or a function returning one, got ${typeof option === "function" ? `a function returning ${show(state)}` : show(option)}${state && typeof state === "object" ? ` without ${missing.join(", ")}` : ""}.`,
    );
  }
  return state as RateState;
}
