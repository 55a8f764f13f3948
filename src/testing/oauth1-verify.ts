// The fake server's side of OAuth 1.0a: parse an Authorization header and verify its HMAC-SHA1 signature
// (RFC 5849). Only the fake needs it, so it lives here, not in the library's auth/.
import { timingSafeEqual } from "node:crypto";
import {
  oauth1Signature,
  signatureBaseString,
  type OAuth1Param,
} from "../auth/oauth1.js";
import { percentDecode } from "../auth/percent-encode.js";

// RFC 7235 §2.1 auth-param with a quoted-string value, BWS around "=", then a comma or the end.
const AUTH_PARAM =
  /([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[ \t]*=[ \t]*"((?:[^"\\]|\\.)*)"[ \t]*(,[ \t]*|$)/y;

/** Parses an `OAuth ...` Authorization header into its decoded oauth_* params (realm dropped), or `null` if malformed. */
export function parseOAuth1Header(
  header: string | null | undefined,
): Record<string, string> | null {
  const scheme = /^OAuth[ \t]+/i.exec(header ?? "");
  if (header == null || !scheme) return null;
  const params: Record<string, string> = {};
  let position = scheme[0].length;
  let count = 0;
  while (position < header.length) {
    AUTH_PARAM.lastIndex = position;
    const match = AUTH_PARAM.exec(header);
    if (!match) return null;
    const [, rawName = "", quoted = "", separator = ""] = match;
    position = AUTH_PARAM.lastIndex;
    if (separator.startsWith(",") && position === header.length) return null;
    const name = percentDecode(rawName);
    const value = percentDecode(quoted.replace(/\\(.)/g, "$1"));
    if (name === null || value === null) return null;
    count += 1;
    // RFC 5849 §3.5.1: realm is not signed; §3.1: no other non-oauth_ params, none repeated.
    if (name === "realm") continue;
    if (!name.startsWith("oauth_") || Object.hasOwn(params, name)) return null;
    params[name] = value;
  }
  return count > 0 ? params : null;
}

/** Checks an OAuth 1.0a HMAC-SHA1 Authorization header against the request it came with (timing-safe). */
export function verifyOAuth1Request({
  method,
  url,
  header,
  formParams = [],
  consumerSecret,
  tokenSecret,
}: {
  method: string;
  url: string | URL;
  header: string | null | undefined;
  formParams?: Iterable<OAuth1Param> | undefined;
  consumerSecret: string;
  tokenSecret: string;
}): boolean {
  const parsed = parseOAuth1Header(header);
  if (!parsed) return false;
  const { oauth_signature: signature, ...signed } = parsed;
  // RFC 5849 §3.1: these are REQUIRED for HMAC-SHA1; oauth_version is OPTIONAL but must be "1.0".
  if (
    signature === undefined ||
    signed.oauth_signature_method !== "HMAC-SHA1" ||
    signed.oauth_consumer_key === undefined ||
    signed.oauth_timestamp === undefined ||
    signed.oauth_nonce === undefined ||
    (signed.oauth_version !== undefined && signed.oauth_version !== "1.0")
  ) {
    return false;
  }
  const baseString = signatureBaseString({
    method,
    url,
    params: [...Object.entries(signed), ...formParams],
  });
  const expected = Buffer.from(
    oauth1Signature(baseString, consumerSecret, tokenSecret),
  );
  const actual = Buffer.from(signature);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
