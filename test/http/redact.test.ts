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

describe("redactText", () => {
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
