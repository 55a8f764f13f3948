// Checks the Authorization header: OAuth 2 bearer scopes, OAuth 1.0a signatures (real verification) and nonces.
//
// Bodies: X API v2 answers auth failures with an RFC 7807 `about:blank` problem, `{title: "Unauthorized",
// type: "about:blank", status: 401, detail: "Unauthorized"}` (and "Forbidden"/403 for a missing scope), not the
// v1.1 `{errors:[{code: 32 | 89}]}` shape, so the fake does the same; the reason goes to the request log only.
import type { IncomingMessage } from "node:http";
import type { OAuth1Credentials } from "../auth/oauth1.js";
import { parseOAuth1Header, verifyOAuth1Request } from "./oauth1-verify.js";
import type { Answer } from "./answer.js";
import { blankProblem } from "./problems.js";

/** Accepted credentials; `undefined` lists accept anything well-formed. */
export interface AuthConfig {
  bearerTokens: ReadonlyMap<string, readonly string[]> | undefined;
  oauth1: readonly OAuth1Credentials[] | undefined;
}

/** Who made a request, or why they are turned away. */
export type AuthOutcome =
  | { ok: true; scheme: "oauth2" | "oauth1"; user: string }
  | {
      ok: false;
      scheme: "oauth2" | "oauth1" | "none";
      answer: Answer;
      reason: string;
    };

// X rejects OAuth 1.0a timestamps far from its clock (v1.1 error 135 "Timestamp out of bounds").
const TIMESTAMP_WINDOW_SECS = 300;
const NONCE_TTL_MS = 15 * 60 * 1000;
const REQUIRED_OAUTH1 = [
  "oauth_consumer_key",
  "oauth_nonce",
  "oauth_signature",
  "oauth_signature_method",
  "oauth_timestamp",
  "oauth_token",
];

/** Authenticates requests for one server (remembers OAuth 1.0a nonces). */
export class Authenticator {
  readonly #nonces = new Map<string, number>();

  constructor(private readonly config: AuthConfig) {}

  /** Checks `req`'s Authorization header against the URL the client signed (Host header + path + query). */
  check(req: IncomingMessage, now = Date.now()): AuthOutcome {
    const header = req.headers.authorization;
    if (!header) return fail("none", 401, "no Authorization header");
    const bearer = /^Bearer[ \t]+(\S+)\s*$/i.exec(header);
    if (bearer?.[1]) return this.#bearer(bearer[1]);
    if (/^OAuth[ \t]/i.test(header)) return this.#oauth1(req, header, now);
    return fail("none", 401, "Authorization is neither Bearer nor OAuth");
  }

  /** Forgets seen nonces. */
  clear(): void {
    this.#nonces.clear();
  }

  #bearer(token: string): AuthOutcome {
    const tokens = this.config.bearerTokens;
    if (!tokens) return { ok: true, scheme: "oauth2", user: `oauth2:${token}` };
    const scopes = tokens.get(token);
    if (!scopes) return fail("oauth2", 401, "unknown bearer token");
    if (!scopes.includes("media.write"))
      return fail("oauth2", 403, "bearer token lacks scope media.write");
    return { ok: true, scheme: "oauth2", user: `oauth2:${token}` };
  }

  #oauth1(req: IncomingMessage, header: string, now: number): AuthOutcome {
    const params = parseOAuth1Header(header);
    if (!params) return fail("oauth1", 401, "malformed OAuth header");
    const missing = REQUIRED_OAUTH1.filter(
      (name) => params[name] === undefined,
    );
    if (missing.length > 0)
      return fail("oauth1", 401, `OAuth header lacks ${missing.join(", ")}`);
    const consumerKey = params.oauth_consumer_key ?? "";
    const token = params.oauth_token ?? "";
    const user = `oauth1:${consumerKey}:${token}`;
    if (this.config.oauth1) {
      const credentials = this.config.oauth1.find(
        (c) => c.consumerKey === consumerKey && c.accessToken === token,
      );
      if (!credentials)
        return fail("oauth1", 401, "unknown consumer key or access token");
      const timestamp = Number(params.oauth_timestamp);
      if (!(Math.abs(timestamp - now / 1000) <= TIMESTAMP_WINDOW_SECS)) {
        return fail("oauth1", 401, "oauth_timestamp out of bounds");
      }
      const valid = verifyOAuth1Request({
        method: req.method ?? "GET",
        url: `http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`,
        header,
        consumerSecret: credentials.consumerSecret,
        tokenSecret: credentials.accessTokenSecret,
      });
      if (!valid)
        return fail("oauth1", 401, "OAuth 1.0a signature does not match");
    }
    const nonceKey = `${user}:${params.oauth_nonce}`;
    if (this.#nonces.has(nonceKey))
      return fail("oauth1", 401, "oauth_nonce reused");
    this.#remember(nonceKey, now);
    return { ok: true, scheme: "oauth1", user };
  }

  #remember(key: string, now: number): void {
    this.#nonces.set(key, now);
    if (this.#nonces.size % 1024 !== 0) return;
    for (const [nonce, at] of this.#nonces)
      if (now - at > NONCE_TTL_MS) this.#nonces.delete(nonce);
  }
}

function fail(
  scheme: "oauth2" | "oauth1" | "none",
  status: 401 | 403,
  reason: string,
): AuthOutcome {
  const answer =
    status === 401
      ? blankProblem(401, "Unauthorized")
      : blankProblem(403, "Forbidden");
  return { ok: false, scheme, answer, reason };
}
