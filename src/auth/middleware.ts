// Auth options, their validation, and the openapi-fetch middleware that sets the Authorization header.
import type { Middleware } from "openapi-fetch";
import {
  oauth1AuthorizationHeader,
  parseFormParams,
  type OAuth1Credentials,
  type OAuth1Param,
} from "./oauth1.js";

/** OAuth 2.0 user access token (Bearer), or the four OAuth 1.0a user-context values. */
export type Auth =
  | { type: "oauth2"; accessToken: string }
  | ({ type: "oauth1" } & OAuth1Credentials);

/** Checks untrusted `auth` options and returns a clean copy; throws a `TypeError` that never contains a secret. */
export function validateAuth(auth: unknown): Auth {
  if (typeof auth !== "object" || auth === null) {
    throw new TypeError(
      `Expected \`auth\` to be an object, got ${auth === null ? "null" : typeof auth}`,
    );
  }
  const record = auth as Record<string, unknown>;
  if (record.type === "oauth2") {
    const accessToken = requireString(record, "accessToken");
    // A Bearer token goes into the header verbatim, and a rejected header value would echo the token in the error.
    if (!/^[\x21-\x7e]+$/.test(accessToken)) {
      throw new TypeError(
        "Expected `auth.accessToken` to contain only visible ASCII characters (check for stray whitespace or newlines)",
      );
    }
    return { type: "oauth2", accessToken };
  }
  if (record.type === "oauth1") {
    return {
      type: "oauth1",
      consumerKey: requireString(record, "consumerKey"),
      consumerSecret: requireString(record, "consumerSecret"),
      accessToken: requireString(record, "accessToken"),
      accessTokenSecret: requireString(record, "accessTokenSecret"),
    };
  }
  throw new TypeError('Expected `auth.type` to be "oauth2" or "oauth1"');
}

/** Returns the Authorization header value for a request: `Bearer ...` or an OAuth 1.0a signature over URL and form params. */
export function authorizationFor(
  auth: Auth,
  method: string,
  url: string | URL,
  formParams?: Iterable<OAuth1Param>,
): string {
  if (auth.type === "oauth2") return `Bearer ${auth.accessToken}`;
  return oauth1AuthorizationHeader({
    method,
    url,
    formParams,
    credentials: auth,
  });
}

/** openapi-fetch middleware that authorizes every request; OAuth 1.0a signs form-urlencoded bodies only. */
export function authMiddleware(auth: Auth): Middleware {
  const checked = validateAuth(auth);
  return {
    async onRequest({ request }) {
      // RFC 5849 §3.4.1.3.1: only an application/x-www-form-urlencoded body is part of the signature.
      const formParams =
        checked.type === "oauth1" &&
        isFormUrlencoded(request.headers.get("content-type"))
          ? parseFormParams(await request.clone().text())
          : undefined;
      request.headers.set(
        "Authorization",
        authorizationFor(checked, request.method, request.url, formParams),
      );
      return request;
    },
  };
}

function requireString(
  record: Record<string, unknown>,
  key: keyof OAuth1Credentials,
): string {
  const value = record[key];
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`Expected \`auth.${key}\` to be a non-empty string`);
  }
  return value;
}

function isFormUrlencoded(contentType: string | null): boolean {
  return (
    contentType?.split(";")[0]?.trim().toLowerCase() ===
    "application/x-www-form-urlencoded"
  );
}
