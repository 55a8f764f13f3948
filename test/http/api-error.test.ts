// Every answer shape X (or a proxy) gives, read into XApiError fields and one exact message.
import { describe, expect, test } from "@jest/globals";
import type { RequestTarget } from "../../src/errors/index.js";
import { apiErrorFrom, malformedAnswer } from "../../src/http/api-error.js";

const target: RequestTarget = {
  operation: "finalize",
  method: "POST",
  url: "https://api.x.com/2/media/upload/1/finalize",
};
const prefix = "POST https://api.x.com/2/media/upload/1/finalize (finalize)";

const response = (status: number, statusText = "") =>
  new Response(null, { status, statusText });

describe("the message's detail", () => {
  test("blank text body: the status text, else a fixed phrase (no excerpt)", () => {
    const withText = apiErrorFrom(target, response(502, "Bad Gateway"), "  \n");
    expect(withText.message).toBe(
      `${prefix} failed with 502: Bad Gateway. X (or a proxy in front of it) failed; the request was retried up to \`retry.retries\` times. Try again later.`,
    );
    expect(withText.excerpt).toBeUndefined();
    const bare = apiErrorFrom(target, response(502), undefined);
    expect(bare.message).toBe(
      `${prefix} failed with 502: no details in the body. X (or a proxy in front of it) failed; the request was retried up to \`retry.retries\` times. Try again later.`,
    );
  });

  test("a text body that is not JSON is quoted as an excerpt, ahead of the status text", () => {
    const error = apiErrorFrom(
      target,
      response(502, "Bad Gateway"),
      "<html><body><h1>upstream connect error</h1></body></html>",
    );
    expect(error.message).toBe(
      `${prefix} failed with 502: body is not JSON: "upstream connect error". X (or a proxy in front of it) failed; the request was retried up to \`retry.retries\` times. Try again later.`,
    );
    expect(error.excerpt).toBe("upstream connect error");
  });

  test("a JSON body has no excerpt", () => {
    const error = apiErrorFrom(target, response(400), {
      title: "Invalid Request",
    });
    expect(error.excerpt).toBeUndefined();
    expect(error.retryable).toBe(false);
  });

  test("the first two errors[] entries that say something, after the problem's detail", () => {
    const error = apiErrorFrom(target, response(400), {
      detail: "Invalid.",
      errors: [{ code: 1 }, { message: "a" }, { detail: "b" }, { title: "c" }],
    });
    expect(error.message).toMatch(
      /failed with 400: Invalid\. — a — b\. X rejected/,
    );
    expect(error.errors).toHaveLength(4);
  });

  test("a blank detail or message does not count as text", () => {
    const error = apiErrorFrom(target, response(400), {
      detail: "  ",
      errors: [{ message: " " }, { message: "real" }],
    });
    expect(error.message).toMatch(/failed with 400: real\. X rejected/);
  });

  test("the legacy v1.1 shape {message} is one error", () => {
    const error = apiErrorFrom(target, response(400), {
      message: "Bad media",
      code: 324,
    });
    expect(error.errors).toEqual([
      {
        type: undefined,
        title: undefined,
        detail: undefined,
        message: "Bad media",
        code: 324,
        status: undefined,
      },
    ]);
    expect(error.message).toMatch(/failed with 400: Bad media\. /);
  });

  test("errors[] entries that are not objects are skipped", () => {
    const error = apiErrorFrom(target, response(400), {
      errors: ["oops", null, ["nested"], 7, { message: "kept" }],
    });
    expect(error.errors).toEqual([
      expect.objectContaining({ message: "kept" }),
    ]);
  });

  test("an array body carries neither a problem nor errors", () => {
    const error = apiErrorFrom(target, response(500, "Oops"), [
      { title: "t", message: "m" },
    ]);
    expect(error.problem).toBeUndefined();
    expect(error.errors).toEqual([]);
    expect(error.message).toMatch(/failed with 500: Oops\. /);
  });

  test("X's size refusal gets the account-limit hint, found in errors[]", () => {
    const error = apiErrorFrom(
      { ...target, operation: "initialize" },
      response(400),
      {
        title: "Invalid Request",
        errors: [{ message: "File size exceeds 536870912 bytes." }],
      },
    );
    expect(error.message).toMatch(
      /\. X refused the file's size for this account and media category/,
    );
  });
});

describe("the problem", () => {
  test("a title alone or a detail alone is a problem; neither is none", () => {
    expect(
      apiErrorFrom(target, response(413), {
        type: "about:blank",
        title: "Payload Too Large",
      }).problem,
    ).toEqual({
      type: "about:blank",
      title: "Payload Too Large",
      detail: undefined,
    });
    const detailOnly = apiErrorFrom(target, response(400), { detail: "No." });
    expect(detailOnly.problem).toEqual({
      type: undefined,
      title: undefined,
      detail: "No.",
    });
    // A problem is not also an entry of errors[].
    expect(detailOnly.errors).toEqual([]);
    expect(
      apiErrorFrom(target, response(503), {
        type: "about:blank",
        errors: [{ message: "Over capacity" }],
      }).problem,
    ).toBeUndefined();
  });
});

describe("retryable 2xx", () => {
  test("a 200 whose errors[] name a 5xx among others is retried", () => {
    const error = apiErrorFrom(target, response(200), {
      errors: [
        { title: "Bad", status: 400 },
        { title: "Down", status: 503 },
      ],
    });
    expect(error.retryable).toBe(true);
  });
});

describe("malformedAnswer", () => {
  test("names what is missing and that the answer breaks the spec", () => {
    const error = malformedAnswer(
      target,
      new Response("{}", { headers: { "x-rate-limit-remaining": "3" } }),
      "data.id",
    );
    expect(error).toMatchObject({
      name: "XApiError",
      status: 200,
      rateLimit: { remaining: 3 },
    });
    expect(error.message).toBe(
      `${prefix} failed with 200: X answered finalize without data.id. The response does not match X's API spec; retry later, and report it if it persists.`,
    );
  });
});
