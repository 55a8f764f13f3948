// Secrets never reach messages: URLs, server-echoed text, known credential values.
import { describe, expect, test } from "@jest/globals";
import { redactText, redactUrl } from "../../src/http/redact.js";

describe("redactUrl", () => {
  test("keeps ordinary queries", () => {
    const url =
      "https://api.x.com/2/media/upload?command=STATUS&media_id=1146654567674912769";
    expect(redactUrl(url)).toBe(url);
  });

  test("redacts credential keys, secret-looking values and userinfo", () => {
    const out = redactUrl(
      "https://user:pa55@api.x.com/2/media/upload?access_token=abc&oauth_signature=x&api_key=k&x=Ab3dEf6hIj9kLm2nOp5qRs8t&command=STATUS",
    );
    expect(out).toBe(
      "https://api.x.com/2/media/upload?access_token=[REDACTED]&oauth_signature=[REDACTED]&api_key=[REDACTED]&x=[REDACTED]&command=STATUS",
    );
  });
});

describe("redactUrl: which query values", () => {
  const base = "https://api.x.com/p?";
  const redacted = (query: string) =>
    redactUrl(base + query).slice(base.length);
  test.each([
    "oauth_nonce=n",
    "my_token=t",
    "client_secret=s",
    "apikey=k",
    "api-key=k",
    "consumer_key=k",
    "signature=s",
    "sig=s",
    "password=p",
    "authorization=a",
    "credentials=c",
    "code=c",
  ])("%s by its key", (query) => {
    expect(redacted(query)).toBe(`${query.split("=")[0]}=[REDACTED]`);
  });

  test.each([
    [
      "20 token characters mixing letters and digits",
      "v=abcdefghij012345678A",
      "v=[REDACTED]",
    ],
    ["19 of them", "v=abcdefghij01234567", "v=abcdefghij01234567"],
    [
      "letters only",
      "v=abcdefghijklmnopqrstuvwxyz",
      "v=abcdefghijklmnopqrstuvwxyz",
    ],
    ["digits only", "v=12345678901234567890123", "v=12345678901234567890123"],
    ["a space inside", "v=abcdefghij+0123456789", "v=abcdefghij+0123456789"],
    [
      "20 of them with the only letter late",
      "v=12345678901234567890ab",
      "v=[REDACTED]",
    ],
    [
      "a long token run after other characters",
      "v=hi!abcdefghij0123456789AB",
      "v=hi!abcdefghij0123456789AB",
    ],
    [
      "a long token run before other characters",
      "v=abcdefghij0123456789AB!hi",
      "v=abcdefghij0123456789AB!hi",
    ],
    [
      "keys that only contain oauth_, sig or code",
      "not_oauth_x=1&sigma=2&xsig=3&code2=4&zipcode=5",
      "not_oauth_x=1&sigma=2&xsig=3&code2=4&zipcode=5",
    ],
    [
      "a key merely containing sig",
      "design=1&postcode=2&oauth=3",
      "design=1&postcode=2&oauth=3",
    ],
  ])("%s", (_label, query, expected) => {
    expect(redacted(query)).toBe(expected);
  });

  test("a string that is not a URL is redacted as text", () => {
    expect(redactUrl("not a url Bearer abcdefgh1234")).toBe(
      "not a url Bearer [REDACTED]",
    );
  });
});

describe("redactText", () => {
  test("each echoed credential form", () => {
    expect(redactText("Basic dXNlcjpwYXNz")).toBe("Basic [REDACTED]");
    expect(redactText("bearer short")).toBe("bearer short");
    expect(redactText('oauth_signature = "abc%3D", x')).toBe(
      "oauth_signature [REDACTED], x",
    );
    expect(redactText("access_token: zzz&client_secret=yyy")).toBe(
      "access_token [REDACTED]&client_secret [REDACTED]",
    );
    expect(redactText("consumer_secret=a token_secret=b")).toBe(
      "consumer_secret [REDACTED] token_secret [REDACTED]",
    );
  });

  test("any run of spaces, unquoted values, spaces around the separator", () => {
    expect(redactText("Bearer \t  abcdefgh1234")).toBe("Bearer [REDACTED]");
    expect(redactText("oauth_token=abc-123, next")).toBe(
      "oauth_token [REDACTED], next",
    );
    expect(redactText("client_secret = xyz, access_token :q")).toBe(
      "client_secret [REDACTED], access_token [REDACTED]",
    );
  });

  test("a given secret of 8 characters is redacted everywhere; 7 is too short", () => {
    expect(redactText("k=12345678 and 12345678", ["12345678"])).toBe(
      "k=[REDACTED] and [REDACTED]",
    );
    expect(redactText("k=1234567", ["1234567"])).toBe("k=1234567");
  });

  test("redacts Bearer and OAuth header values and given secrets", () => {
    const text =
      'Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid echoed, OAuth oauth_token="123-abc", key sk-secret-value-1';
    const out = redactText(text, ["sk-secret-value-1"]);
    expect(out).not.toMatch(/AAAAAAAA|123-abc|sk-secret-value-1/);
    expect(out).toContain("Bearer [REDACTED]");
    expect(out).toContain("oauth_token [REDACTED]");
  });

  test("redacts user:password@ in any URL of the text", () => {
    const out = redactText(
      "Request cannot be constructed from a URL that includes credentials: https://user:hunter2@api.x.com/2/media",
    );
    expect(out).toBe(
      "Request cannot be constructed from a URL that includes credentials: https://[REDACTED]@api.x.com/2/media",
    );
  });

  test("ignores very short 'secrets' that would blank ordinary words", () => {
    expect(redactText("a media id", ["a"])).toBe("a media id");
  });
});
