// OAuth 1.0a HMAC-SHA1 request signing (RFC 5849 §3), pure apart from the default nonce/clock.
import { createHmac, randomBytes } from "node:crypto";
import { percentEncode } from "./percent-encode.js";

/** One request parameter as a `[name, value]` pair; names may repeat. */
export type OAuth1Param = readonly [name: string, value: string];

/** The four OAuth 1.0a values of a user context: the app's key and secret, the user's token and secret. */
export type OAuth1Credentials = {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessTokenSecret: string;
};

/** Parses an `application/x-www-form-urlencoded` body into `[name, value]` pairs (`+` decodes to a space). */
export function parseFormParams(body: string): OAuth1Param[] {
  return [...new URLSearchParams(body)];
}

/** Returns the normalized parameter string of RFC 5849 §3.4.1.3.2 ("parameter string" in X's docs). */
export function normalizeParameters(params: Iterable<OAuth1Param>): string {
  const encoded = Array.from(
    params,
    ([name, value]) => [percentEncode(name), percentEncode(value)] as const,
  );
  // RFC 5849 §3.4.1.3.2: sort by encoded name, then encoded value; both are ASCII so code-unit order is byte order.
  encoded.sort(([an, av], [bn, bv]) => compare(an, bn) || compare(av, bv));
  return encoded.map(([name, value]) => `${name}=${value}`).join("&");
}

/** Returns the signature base string of RFC 5849 §3.4.1 for a full request URL plus oauth_* and form body `params`. */
export function signatureBaseString({
  method,
  url,
  params = [],
}: {
  method: string;
  url: string | URL;
  params?: Iterable<OAuth1Param> | undefined;
}): string {
  const parsed = new URL(url);
  // RFC 5849 §3.4.1.2: WHATWG URL already lowercases scheme and host and drops the default port.
  const baseUri = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  // RFC 5849 §3.4.1.3.1: query parameters are decoded as application/x-www-form-urlencoded.
  const normalized = normalizeParameters([...parsed.searchParams, ...params]);
  return `${method.toUpperCase()}&${percentEncode(baseUri)}&${percentEncode(normalized)}`;
}

/** Returns the HMAC-SHA1 signing key of RFC 5849 §3.4.2: encoded consumer secret `&` encoded token secret. */
export function signingKey(
  consumerSecret: string,
  tokenSecret: string,
): string {
  return `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
}

/** Returns the base64 HMAC-SHA1 signature of `baseString` (RFC 5849 §3.4.2). */
export function oauth1Signature(
  baseString: string,
  consumerSecret: string,
  tokenSecret: string,
): string {
  return createHmac("sha1", signingKey(consumerSecret, tokenSecret))
    .update(baseString)
    .digest("base64");
}

/** Builds the `OAuth ...` Authorization header value for a request, signing its URL query and form body params. */
export function oauth1AuthorizationHeader({
  method,
  url,
  formParams = [],
  credentials,
  nonce = randomBytes(32).toString("hex"),
  timestamp = Math.floor(Date.now() / 1000),
}: {
  method: string;
  url: string | URL;
  formParams?: Iterable<OAuth1Param> | undefined;
  credentials: OAuth1Credentials;
  nonce?: string | undefined;
  timestamp?: number | undefined;
}): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError(
      "Expected `timestamp` to be a non-negative integer number of seconds",
    );
  }
  const oauth: OAuth1Param[] = [
    ["oauth_consumer_key", credentials.consumerKey],
    ["oauth_nonce", nonce],
    ["oauth_signature_method", "HMAC-SHA1"],
    ["oauth_timestamp", String(timestamp)],
    ["oauth_token", credentials.accessToken],
    ["oauth_version", "1.0"],
  ];
  const baseString = signatureBaseString({
    method,
    url,
    params: [...oauth, ...formParams],
  });
  oauth.push([
    "oauth_signature",
    oauth1Signature(
      baseString,
      credentials.consumerSecret,
      credentials.accessTokenSecret,
    ),
  ]);
  // RFC 5849 §3.5.1: names and values percent-encoded, values quoted, pairs comma-separated.
  const pairs = oauth
    .sort(([a], [b]) => compare(a, b))
    .map(([name, value]) => `${percentEncode(name)}="${percentEncode(value)}"`);
  return `OAuth ${pairs.join(", ")}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
