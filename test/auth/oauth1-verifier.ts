// An OAuth 1.0a HMAC-SHA1 verifier written from RFC 5849 §3.4 alone, sharing no code with src/auth:
// tests check the library's signatures with it, and check it against X's published example first.
import { createHmac } from "node:crypto";

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** RFC 5849 §3.6: UTF-8 bytes, every byte but the unreserved characters as %XX with upper-case hex. */
export function rfc5849Encode(text: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(text)) {
    const char = String.fromCharCode(byte);
    out += UNRESERVED.test(char)
      ? char
      : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** The `oauth_*` parameters of an `Authorization: OAuth …` header, decoded (RFC 5849 §3.5.1). */
export function headerParams(authorization: string): Map<string, string> {
  if (!authorization.startsWith("OAuth ")) throw new Error(authorization);
  const params = new Map<string, string>();
  for (const part of authorization.slice(6).split(",")) {
    const match = /^\s*([^=\s]+)="([^"]*)"\s*$/.exec(part);
    if (!match) throw new Error(`malformed OAuth header part ${part}`);
    params.set(match[1]!, decodeURIComponent(match[2]!));
  }
  return params;
}

/** One request to check: method, full URL, the Authorization header, and form fields if the body is a form. */
export interface SignedRequest {
  method: string;
  url: string;
  authorization: string;
  form?: Record<string, string>;
}

/** Signature base string (RFC 5849 §3.4.1) of `request`, from its own header's oauth_* values. */
export function baseString(request: SignedRequest): string {
  const url = new URL(request.url);
  const defaultPort =
    (url.protocol === "http:" && url.port === "80") ||
    (url.protocol === "https:" && url.port === "443");
  const host =
    url.port && !defaultPort ? `${url.hostname}:${url.port}` : url.hostname;
  const baseUri = `${url.protocol}//${host.toLowerCase()}${url.pathname}`;
  const pairs: [string, string][] = [...url.searchParams];
  for (const [name, value] of headerParams(request.authorization))
    if (name !== "oauth_signature" && name !== "realm")
      pairs.push([name, value]);
  pairs.push(...Object.entries(request.form ?? {}));
  const normalized = pairs
    .map(([n, v]) => [rfc5849Encode(n), rfc5849Encode(v)] as const)
    .sort(([an, av], [bn, bv]) =>
      an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
    )
    .map(([n, v]) => `${n}=${v}`)
    .join("&");
  return [
    request.method.toUpperCase(),
    rfc5849Encode(baseUri),
    rfc5849Encode(normalized),
  ].join("&");
}

/** HMAC-SHA1 signature (RFC 5849 §3.4.2) the request should carry, for these secrets. */
export function expectedSignature(
  request: SignedRequest,
  consumerSecret: string,
  tokenSecret: string,
): string {
  const key = `${rfc5849Encode(consumerSecret)}&${rfc5849Encode(tokenSecret)}`;
  return createHmac("sha1", key).update(baseString(request)).digest("base64");
}
