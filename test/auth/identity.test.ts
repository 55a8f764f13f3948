// The account identity names resume fingerprints and shared rate-limit keys: it must stay the same across
// releases (pinned digests), never hold the token, and change only with the account.
import { describe, expect, test } from "@jest/globals";
import { accountIdentity } from "../../src/auth/identity.js";

const oauth2 = { type: "oauth2", accessToken: "token-A" } as const;
const oauth1 = {
  type: "oauth1",
  consumerKey: "ck-1",
  consumerSecret: "cs-1",
  accessToken: "at-1",
  accessTokenSecret: "ats-1",
} as const;

describe("accountIdentity", () => {
  test("pinned: the same account gets the same 32 hex digits in every release", () => {
    expect(accountIdentity(oauth2)).toBe("7dfe924ecaf4eeb81801ab005f345169");
    expect(accountIdentity(oauth1)).toBe("449dd68564847fe38b338fd639f51f0a");
    expect(accountIdentity(oauth2, "42")).toBe(
      "7784c3ff33f85eb30371745ef9e06615",
    );
  });

  test("an explicit accountId wins over the credentials, whatever they are", () => {
    expect(accountIdentity(oauth1, "42")).toBe(accountIdentity(oauth2, "42"));
  });

  test("OAuth 1.0a: the consumer key and access token name the account; the secrets do not", () => {
    expect(
      accountIdentity({
        ...oauth1,
        consumerSecret: "x",
        accessTokenSecret: "y",
      }),
    ).toBe(accountIdentity(oauth1));
    expect(accountIdentity({ ...oauth1, consumerKey: "ck-2" })).not.toBe(
      accountIdentity(oauth1),
    );
    expect(accountIdentity({ ...oauth1, accessToken: "at-2" })).not.toBe(
      accountIdentity(oauth1),
    );
  });
});
