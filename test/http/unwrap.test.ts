// The one helper from openapi-fetch's outcome to a value or an XApiError, over every answer shape X gives.
import { describe, expect, test } from "@jest/globals";
import type { XApiError } from "../../src/errors/index.js";
import { RateLimitError, type RequestTarget } from "../../src/errors/index.js";
import { bodyExcerpt } from "../../src/http/excerpt.js";
import { unwrap } from "../../src/http/unwrap.js";

const target: RequestTarget = {
  operation: "initialize",
  method: "POST",
  url: "https://api.x.com/2/media/upload/initialize",
};

function outcome(
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  const response = new Response(status === 204 ? null : body, {
    status,
    headers,
  });
  if (response.ok) return { data: body, response };
  let error: unknown = body;
  try {
    error = JSON.parse(body);
  } catch {
    // openapi-fetch leaves a non-JSON error body as text.
  }
  return { error, response };
}

function thrown(
  status: number,
  body: string,
  headers?: Record<string, string>,
): XApiError {
  try {
    unwrap(target, outcome(status, body, headers), ["s3cr3t-token-value"]);
  } catch (error) {
    return error as XApiError;
  }
  throw new Error("expected a throw");
}

describe("success", () => {
  test("parses the JSON data", () => {
    const answer = unwrap<"initializeMediaUpload">(
      target,
      outcome(200, '{"data":{"id":"1","media_key":"7_1"}}'),
    );
    expect(answer.data?.data?.id).toBe("1");
    expect(answer.target).toBe(target);
  });

  test("empty 204 and empty 200 give undefined data", () => {
    expect(unwrap(target, outcome(204, "")).data).toBeUndefined();
    expect(unwrap(target, outcome(200, "")).data).toBeUndefined();
  });
});

describe("edge shapes of a 2xx", () => {
  const ok = (data: string | undefined) => ({
    data,
    response: new Response(data ?? null, { status: 200 }),
  });

  test("no body at all, or only whitespace, is no data", () => {
    expect(unwrap(target, ok(undefined)).data).toBeUndefined();
    expect(unwrap(target, ok(" \n\t")).data).toBeUndefined();
  });

  test("JSON that is not an object (null, a number) is no data, not a failure", () => {
    expect(unwrap(target, ok("null")).data).toBeUndefined();
    expect(unwrap(target, ok("42")).data).toBeUndefined();
  });

  test("an empty errors[] beside data is a success", () => {
    const answer = unwrap<"initializeMediaUpload">(
      target,
      ok('{"data":{"id":"5"},"errors":[]}'),
    );
    expect(answer.data?.data?.id).toBe("5");
  });

  test("errors[] beside data: the media id from data goes on the error, the target's own id wins", () => {
    const failing = '{"data":{"id":"123"},"errors":[{"message":"No."}]}';
    const catchTarget = (t: RequestTarget, body: string) => {
      try {
        unwrap(t, ok(body));
      } catch (error) {
        return (error as XApiError).target;
      }
      throw new Error("expected a throw");
    };
    expect(catchTarget(target, failing)?.mediaId).toBe("123");
    expect(catchTarget({ ...target, mediaId: "9" }, failing)?.mediaId).toBe(
      "9",
    );
    expect(
      catchTarget(target, '{"data":{"id":""},"errors":[{"message":"No."}]}')
        ?.mediaId,
    ).toBeUndefined();
    expect(
      catchTarget(target, '{"data":{"id":7},"errors":[{"message":"No."}]}')
        ?.mediaId,
    ).toBeUndefined();
  });
});

describe("failures", () => {
  test("a problem+json 401 names the fix", () => {
    const error = thrown(
      401,
      '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}',
    );
    expect(error).toMatchObject({
      name: "XApiError",
      status: 401,
      retryable: false,
      problem: { title: "Unauthorized" },
    });
    expect(error.message).toMatch(
      /failed with 401: Unauthorized\. Check the token \/ OAuth 1\.0a keys/,
    );
  });

  test("403 asks for the media.write scope; 413 for a smaller segmentBytes", () => {
    expect(
      thrown(
        403,
        '{"title":"Forbidden","detail":"Forbidden","type":"about:blank"}',
      ).message,
    ).toMatch(/media\.write scope/);
    expect(
      thrown(413, '{"title":"Payload Too Large","type":"about:blank"}').message,
    ).toMatch(/lower `segmentBytes`/);
  });

  test("invalid-request: the generic detail and the specific errors[] message", () => {
    const error = thrown(
      400,
      JSON.stringify({
        title: "Invalid Request",
        detail: "One or more parameters to your request was invalid.",
        type: "https://api.twitter.com/2/problems/invalid-request",
        errors: [
          {
            message: "total_bytes must be positive",
            parameters: { total_bytes: ["0"] },
          },
        ],
      }),
    );
    expect(error.message).toMatch(/invalid\. — total_bytes must be positive\./);
    expect(error.errors).toEqual([
      expect.objectContaining({ message: "total_bytes must be positive" }),
    ]);
  });

  test("legacy {errors:[{code,message}]} 503 is retryable", () => {
    const error = thrown(
      503,
      '{"errors":[{"message":"Over capacity","code":130}]}',
    );
    expect(error).toMatchObject({
      status: 503,
      retryable: true,
      errors: [{ code: 130, message: "Over capacity" }],
    });
  });

  test("an HTML 502 gives a short excerpt", () => {
    const html =
      "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
    const error = thrown(502, html);
    expect(error).toMatchObject({
      status: 502,
      excerpt: "502 Bad Gateway",
      retryable: true,
    });
  });

  test("a 2xx that is not JSON is a retryable XApiError", () => {
    const error = thrown(200, "<html>oops</html>");
    expect(error).toMatchObject({
      status: 200,
      retryable: true,
      excerpt: "oops",
    });
  });

  test("a 200 with errors[] is a failure, retryable only when an entry says 5xx/429", () => {
    const retry = thrown(
      200,
      '{"errors":[{"title":"Service Unavailable","status":503,"type":"about:blank"}]}',
    );
    expect(retry).toMatchObject({ status: 200, retryable: true });
    const final = thrown(
      200,
      '{"errors":[{"title":"Bad thing","detail":"No.","type":"about:blank"}]}',
    );
    expect(final).toMatchObject({ status: 200, retryable: false });
    expect(final.message).toMatch(/X reported errors in a 200 answer: No\./);
  });

  test("429 becomes a RateLimitError with the reset time", () => {
    const error = thrown(
      429,
      '{"title":"Too Many Requests","type":"about:blank"}',
      { "x-rate-limit-reset": "2000000000" },
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).resetAt).toEqual(
      new Date(2_000_000_000_000),
    );
  });

  test("secrets echoed by the server are redacted", () => {
    const error = thrown(
      401,
      '{"title":"Unauthorized","detail":"Token s3cr3t-token-value is invalid"}',
    );
    expect(error.message).not.toContain("s3cr3t-token-value");
    expect(error.problem?.detail).toBe("Token [REDACTED] is invalid");
  });

  test("an expired session says to start again", () => {
    const error = thrown(
      400,
      '{"title":"Invalid Request","errors":[{"message":"Media id 1 expired at 2025-01-01"}]}',
    );
    expect(error.message).toMatch(/expired.*start a new upload/);
  });
});

describe("bodyExcerpt", () => {
  test("prefers the title, strips tags, cuts long text", () => {
    expect(bodyExcerpt("<html><title> 503 Down </title></html>")).toBe(
      "503 Down",
    );
    expect(bodyExcerpt(`<p>${"x".repeat(500)}</p>`)).toBe(
      `${"x".repeat(159)}…`,
    );
    expect(bodyExcerpt("y".repeat(160))).toBe("y".repeat(160));
  });

  test("drops scripts and styles, decodes &nbsp;, collapses whitespace", () => {
    expect(
      bodyExcerpt('<HTML><Title lang="en">Bad&nbsp;\n  Gateway</Title></HTML>'),
    ).toBe("Bad Gateway");
    expect(
      bodyExcerpt(
        "<body><script>var a = '<b>';</script><STYLE>p{}</STYLE>\n<h1>502</h1>\t<p>Bad&nbsp;&nbsp;gateway</p></body>",
      ),
    ).toBe("502 Bad gateway");
  });

  test("a title with attributes wins over the body; removed tags and scripts leave a space", () => {
    expect(
      bodyExcerpt(
        '<html><head><title id="t">502</title></head><body>nginx</body></html>',
      ),
    ).toBe("502");
    expect(bodyExcerpt("<p>a</p><p>b</p>")).toBe("a b");
    expect(bodyExcerpt("a<script>x()</script>b")).toBe("a b");
  });
});
