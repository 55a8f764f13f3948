// The typed openapi-fetch client for X's media endpoints, with auth applied as middleware.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/openapi.js";
import { authMiddleware, validateAuth, type Auth } from "./auth/middleware.js";
import { redactText, redactUrl } from "./http/redact.js";

/** The generated client type: every media path and operation of the extract. */
export type XClient = Client<paths>;

/** Options for {@link createXClient}. */
export interface XClientOptions {
  /** OAuth 2.0 user token (scope `media.write`) or the four OAuth 1.0a values. */
  auth: Auth;
  /**
   * API origin.
   * @default "https://api.x.com"
   */
  baseUrl?: string;
  /**
   * The fetch implementation.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch;
  /**
   * Sent as `User-Agent`.
   * @default "x-media-upload"
   */
  userAgent?: string;
}

/** Default API origin. */
export const DEFAULT_BASE_URL = "https://api.x.com";

/** Creates the openapi-fetch client bound to X's media `paths`, authenticated. */
export function createXClient(options: XClientOptions): XClient {
  const auth = validateAuth(options.auth);
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `Expected \`baseUrl\` to be an absolute URL, got ${JSON.stringify(redactText(baseUrl))}.`,
    );
  }
  // fetch refuses such URLs on every request; say so once, without echoing the password.
  if (url.username !== "" || url.password !== "") {
    throw new TypeError(
      `Expected \`baseUrl\` without credentials (user:password@), got ${JSON.stringify(redactUrl(baseUrl))}. X authenticates through \`auth\`.`,
    );
  }
  const userAgent = options.userAgent ?? "x-media-upload";
  try {
    new Headers({ "User-Agent": userAgent });
  } catch {
    throw new TypeError(
      `Expected \`userAgent\` to be a valid header value (no line breaks or control characters), got ${JSON.stringify(userAgent)}.`,
    );
  }
  const client = createClient<paths>({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    headers: { "User-Agent": userAgent },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(authMiddleware(auth));
  return client;
}
