// Who an upload runs as, without the token: resume fingerprints and shared rate-limit keys name the account by
// this hash, so neither a session file nor a Redis key ever holds a credential.
import { createHash } from "node:crypto";
import type { Auth } from "./middleware.js";

/**
 * A stable, one-way name for the account behind `auth`: 32 hex digits of SHA-256 over the OAuth 1.0a consumer key
 * and access token, or the OAuth 2 access token. An explicit `accountId` wins (OAuth 2 tokens change on refresh).
 */
export function accountIdentity(auth: Auth, accountId?: string): string {
  const material =
    accountId !== undefined
      ? `account\n${accountId}`
      : auth.type === "oauth2"
        ? `oauth2\n${auth.accessToken}`
        : `oauth1\n${auth.consumerKey}\n${auth.accessToken}`;
  return createHash("sha256")
    .update(`x-media-upload identity v1\n${material}`)
    .digest("hex")
    .slice(0, 32);
}
