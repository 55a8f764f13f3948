import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import {
  normalizeParameters,
  oauth1AuthorizationHeader,
  oauth1Signature,
  parseFormParams,
  signatureBaseString,
  signingKey,
  type OAuth1Credentials,
  type OAuth1Param,
} from "../../src/auth/oauth1.js";
import {
  parseOAuth1Header,
  verifyOAuth1Request,
} from "../../src/testing/oauth1-verify.js";
import { percentDecode, percentEncode } from "../../src/auth/percent-encode.js";
import {
  baseString as independentBaseString,
  expectedSignature,
  rfc5849Encode,
} from "./oauth1-verifier.js";

interface SignatureExamples {
  method: string;
  query: Record<string, string>;
  body_form_urlencoded: Record<string, string>;
  oauth: Record<string, string>;
  consumer_secret: string;
  token_secret: string;
  signing_key: string;
  parameter_string: string;
  cases: {
    base_url: string;
    expected_signature: string;
    signature_base_string?: string;
    authorization_header?: string;
  }[];
  percent_encoding_vectors: Record<string, string>;
  rfc5849_3_4_1_1_base_string: string;
  rfc5849_request: string;
}

const examples = JSON.parse(
  readFileSync(
    fileURLToPath(
      new URL("../fixtures/oauth1/signature-examples.json", import.meta.url),
    ),
    "utf8",
  ),
) as SignatureExamples;

const query = Object.entries(examples.query);
const oauth = Object.entries(examples.oauth);
const body = Object.entries(examples.body_form_urlencoded);
const urlFor = (baseUrl: string): string =>
  `${baseUrl}?${new URLSearchParams(examples.query).toString()}`;

const credentials: OAuth1Credentials = {
  consumerKey: examples.oauth.oauth_consumer_key ?? "",
  consumerSecret: examples.consumer_secret,
  accessToken: examples.oauth.oauth_token ?? "",
  accessTokenSecret: examples.token_secret,
};
const fixed = {
  nonce: examples.oauth.oauth_nonce ?? "",
  timestamp: Number(examples.oauth.oauth_timestamp),
};

describe("percentEncode", () => {
  it.each(Object.entries(examples.percent_encoding_vectors))(
    "encodes %j as in X's docs",
    (input, expected) => {
      expect(percentEncode(input)).toBe(expected);
    },
  );

  it("keeps only unreserved characters and escapes what encodeURIComponent leaves alone", () => {
    expect(percentEncode("AZaz09-._~")).toBe("AZaz09-._~");
    expect(percentEncode("!'()*")).toBe("%21%27%28%29%2A");
    expect(percentEncode("a b+/=é")).toBe("a%20b%2B%2F%3D%C3%A9");
    expect(percentEncode("\ud800")).toBe("%EF%BF%BD");
  });

  it("decodes strictly, returning null for malformed input", () => {
    expect(percentDecode("a%20b+c")).toBe("a b+c");
    expect(percentDecode("%E2%98%83")).toBe("\u2603");
    expect(percentDecode("%zz")).toBeNull();
  });
});

describe("X's documented signature example", () => {
  const [first] = examples.cases;

  it("builds the parameter string", () => {
    expect(normalizeParameters([...query, ...oauth, ...body])).toBe(
      examples.parameter_string,
    );
  });

  it("builds the signing key", () => {
    expect(signingKey(examples.consumer_secret, examples.token_secret)).toBe(
      examples.signing_key,
    );
  });

  it("builds the signature base string of case 0", () => {
    expect(first?.signature_base_string).toBeDefined();
    const base = signatureBaseString({
      method: examples.method,
      url: urlFor(first?.base_url ?? ""),
      params: [...oauth, ...body],
    });
    expect(base).toBe(first?.signature_base_string);
  });

  it.each(examples.cases.map((c) => [c.base_url, c] as const))(
    "signs for %s",
    (_, c) => {
      const url = urlFor(c.base_url);
      const base = signatureBaseString({
        method: examples.method,
        url,
        params: [...oauth, ...body],
      });
      expect(
        oauth1Signature(base, examples.consumer_secret, examples.token_secret),
      ).toBe(c.expected_signature);

      const header = oauth1AuthorizationHeader({
        method: "post",
        url,
        formParams: body,
        credentials,
        ...fixed,
      });
      expect(parseOAuth1Header(header)?.oauth_signature).toBe(
        c.expected_signature,
      );
      if (c.authorization_header !== undefined)
        expect(header).toBe(c.authorization_header);
    },
  );
});

describe("RFC 5849 §3.4.1.1 example", () => {
  // e.g. "POST http://example.com/request?... ; Content-Type: ... ; body: c2&a3=2+q ; oauth params: consumer_key=... (no oauth_version)"
  const request = /^(\S+) (\S+) ;.*; body: (\S*) ; oauth params: ([^(]*)/.exec(
    examples.rfc5849_request,
  );

  it("builds the base string, decoding + in the form body and keeping empty values", () => {
    expect(request).not.toBeNull();
    const [, method = "", url = "", formBody = "", oauthText = ""] =
      request ?? [];
    const oauthParams = oauthText
      .trim()
      .split(/\s+/)
      .map((pair): OAuth1Param => {
        const [name = "", value = ""] = pair.split("=");
        return [`oauth_${name}`, value];
      });
    expect(oauthParams.map(([name]) => name)).not.toContain("oauth_version");
    expect(parseFormParams(formBody)).toEqual([
      ["c2", ""],
      ["a3", "2 q"],
    ]);
    const base = signatureBaseString({
      method,
      url,
      params: [...oauthParams, ...parseFormParams(formBody)],
    });
    expect(base).toBe(examples.rfc5849_3_4_1_1_base_string);
  });

  it("normalizes the base string URI (§3.4.1.2)", () => {
    expect(
      signatureBaseString({
        method: "get",
        url: "HTTP://EXAMPLE.COM:80/r%20v/X?id=123#frag",
      }),
    ).toBe("GET&http%3A%2F%2Fexample.com%2Fr%2520v%2FX&id%3D123");
    expect(
      signatureBaseString({
        method: "GET",
        url: "https://www.example.net:8080/?q=1",
      }),
    ).toBe("GET&https%3A%2F%2Fwww.example.net%3A8080%2F&q%3D1");
    expect(
      signatureBaseString({
        method: "GET",
        url: "https://user:pw@Example.com:443",
      }),
    ).toBe("GET&https%3A%2F%2Fexample.com%2F&");
  });

  it("sorts duplicate names by encoded value (§3.4.1.3.2)", () => {
    expect(
      normalizeParameters([
        ["a", "z"],
        ["a", "B"],
        ["a1", ""],
        ["a", " "],
      ]),
    ).toBe("a=%20&a=B&a=z&a1=");
  });
});

describe("header round trip", () => {
  const url =
    "https://upload.example.test/2/media/upload?command=APPEND&media_id=123";
  const formParams: OAuth1Param[] = [
    ["segment_index", "0"],
    ["note", "a + b"],
  ];
  const secrets = {
    consumerSecret: credentials.consumerSecret,
    tokenSecret: credentials.accessTokenSecret,
  };
  const header = oauth1AuthorizationHeader({
    method: "POST",
    url,
    formParams,
    credentials,
  });

  it("parses what it builds", () => {
    const parsed = parseOAuth1Header(header);
    expect(parsed).toMatchObject({
      oauth_consumer_key: credentials.consumerKey,
      oauth_token: credentials.accessToken,
      oauth_signature_method: "HMAC-SHA1",
      oauth_version: "1.0",
    });
    expect(parsed?.oauth_nonce).toMatch(/^[0-9a-f]{64}$/);
    const before = Math.floor(Date.now() / 1000);
    const fresh = parseOAuth1Header(
      oauth1AuthorizationHeader({ method: "POST", url, credentials }),
    );
    const after = Math.floor(Date.now() / 1000);
    expect(Number(fresh?.oauth_timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(fresh?.oauth_timestamp)).toBeLessThanOrEqual(after);
    expect(
      parseOAuth1Header(
        oauth1AuthorizationHeader({ method: "POST", url, credentials }),
      )?.oauth_nonce,
    ).not.toBe(parsed?.oauth_nonce);
  });

  it("verifies the untampered request", () => {
    expect(
      verifyOAuth1Request({
        method: "POST",
        url,
        header,
        formParams,
        ...secrets,
      }),
    ).toBe(true);
    expect(
      verifyOAuth1Request({
        method: "post",
        url: new URL(url),
        header,
        formParams,
        ...secrets,
      }),
    ).toBe(true);
  });

  it.each([
    ["method", { method: "PUT" }],
    ["query", { url: url.replace("123", "124") }],
    ["path", { url: url.replace("/upload", "/uploads") }],
    ["host", { url: url.replace("upload.example", "api.example") }],
    ["body", { formParams: [...formParams, ["extra", "1"]] as OAuth1Param[] }],
    ["missing body", { formParams: [] }],
    ["consumer secret", { consumerSecret: "wrong" }],
    ["token secret", { tokenSecret: "wrong" }],
    [
      "signature",
      {
        header: header.replace(
          /oauth_signature="[^"]+"/,
          'oauth_signature="AAAA"',
        ),
      },
    ],
    [
      "nonce",
      { header: header.replace(/oauth_nonce="[^"]+"/, 'oauth_nonce="other"') },
    ],
    ["no header", { header: undefined }],
  ])("rejects a tampered %s", (_, change) => {
    expect(
      verifyOAuth1Request({
        method: "POST",
        url,
        header,
        formParams,
        ...secrets,
        ...change,
      }),
    ).toBe(false);
  });

  it("rejects other signature methods and versions", () => {
    const sha256 = header.replace("HMAC-SHA1", "HMAC-SHA256");
    expect(
      verifyOAuth1Request({
        method: "POST",
        url,
        header: sha256,
        formParams,
        ...secrets,
      }),
    ).toBe(false);
    const v2 = header.replace('oauth_version="1.0"', 'oauth_version="2.0"');
    expect(
      verifyOAuth1Request({
        method: "POST",
        url,
        header: v2,
        formParams,
        ...secrets,
      }),
    ).toBe(false);
  });

  it("accepts a header without oauth_version and with a realm (§3.1, §3.5.1)", () => {
    const params: OAuth1Param[] = [
      ["oauth_consumer_key", "key"],
      ["oauth_nonce", "n"],
      ["oauth_signature_method", "HMAC-SHA1"],
      ["oauth_timestamp", "1"],
    ];
    const signature = oauth1Signature(
      signatureBaseString({ method: "GET", url, params }),
      "cs",
      "",
    );
    const fields = [...params, ["oauth_signature", signature]].map(
      ([k, v]) => `${k}="${percentEncode(v ?? "")}"`,
    );
    const bare = `OAuth realm="Example, Inc.", ${fields.join(",")}`;
    expect(
      verifyOAuth1Request({
        method: "GET",
        url,
        header: bare,
        consumerSecret: "cs",
        tokenSecret: "",
      }),
    ).toBe(true);
  });

  it.each([
    ["another scheme", 'Bearer oauth_nonce="x"'],
    ["no params", "OAuth "],
    ["unquoted value", "OAuth oauth_nonce=abc"],
    ["trailing comma", 'OAuth oauth_nonce="abc",'],
    ["duplicate", 'OAuth oauth_nonce="a", oauth_nonce="b"'],
    ["non-oauth param", 'OAuth oauth_nonce="a", status="b"'],
    ["bad escape", 'OAuth oauth_nonce="%zz"'],
    ["garbage between", 'OAuth oauth_nonce="a" oauth_token="b"'],
  ])("parses a header with %s as null", (_, bad) => {
    expect(parseOAuth1Header(bad)).toBeNull();
  });

  it("decodes values and tolerates spacing and scheme case", () => {
    expect(
      parseOAuth1Header(
        'oauth  oauth_signature = "a%2Fb%3D" ,oauth_token="t%20k"',
      ),
    ).toEqual({
      oauth_signature: "a/b=",
      oauth_token: "t k",
    });
  });

  it("rejects a non-integer timestamp without echoing secrets", () => {
    const call = (): string =>
      oauth1AuthorizationHeader({
        method: "GET",
        url,
        credentials,
        timestamp: 1.5,
      });
    expect(call).toThrow(TypeError);
    expect(call).not.toThrow(credentials.consumerSecret);
    expect(call).not.toThrow(credentials.accessTokenSecret);
  });
});

describe("against an independent verifier (test/auth/oauth1-verifier.ts)", () => {
  const oauthHeader = (params: Record<string, string>): string =>
    `OAuth ${Object.entries(params)
      .map(([k, v]) => `${k}="${rfc5849Encode(v)}"`)
      .join(", ")}`;

  it("the verifier reproduces X's published base string and signatures", () => {
    for (const c of examples.cases) {
      const request = {
        method: examples.method,
        url: urlFor(c.base_url),
        authorization: oauthHeader(examples.oauth),
        form: examples.body_form_urlencoded,
      };
      if (c.signature_base_string !== undefined)
        expect(independentBaseString(request)).toBe(c.signature_base_string);
      expect(
        expectedSignature(
          request,
          examples.consumer_secret,
          examples.token_secret,
        ),
      ).toBe(c.expected_signature);
    }
  });

  it("the verifier reproduces RFC 5849's §3.4.1.1 base string", () => {
    expect(
      independentBaseString({
        method: "POST",
        url: "http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b",
        authorization: oauthHeader({
          oauth_consumer_key: "9djdj82h48djs9d2",
          oauth_token: "kkk9d7dh3k39sjv7",
          oauth_signature_method: "HMAC-SHA1",
          oauth_timestamp: "137131201",
          oauth_nonce: "7d8f3e4a",
          oauth_signature: "ignored",
        }),
        form: { c2: "", a3: "2 q" },
      }),
    ).toBe(examples.rfc5849_3_4_1_1_base_string);
  });

  it.each([
    ["GET", "https://api.x.com/2/media/upload?command=STATUS&media_id=1", []],
    [
      "POST",
      "https://api.x.com/2/media/upload/1/append",
      [["segment_index", "0"]],
    ],
    ["post", "http://127.0.0.1:8123/2/media/upload/initialize", []],
    [
      "PUT",
      "https://EXAMPLE.test:443/a%20b/c?x=1&x=0&y=%2B+&z=",
      [
        ["é ☃", "*'()!"],
        ["x", "~"],
      ],
    ],
  ] as [string, string, OAuth1Param[]][])(
    "the library's %s %s header verifies",
    (method, url, formParams) => {
      const header = oauth1AuthorizationHeader({
        method,
        url,
        formParams,
        credentials,
      });
      const signed = parseOAuth1Header(header)?.oauth_signature;
      expect(signed).toBe(
        expectedSignature(
          {
            method,
            url,
            authorization: header,
            form: Object.fromEntries(formParams),
          },
          credentials.consumerSecret,
          credentials.accessTokenSecret,
        ),
      );
    },
  );
});

describe("what the verifier and parser refuse (signatures made by the independent verifier)", () => {
  const url = "https://api.x.com/2/media/upload?command=STATUS&media_id=1";
  const secrets = {
    consumerSecret: credentials.consumerSecret,
    tokenSecret: credentials.accessTokenSecret,
  };
  const base: Record<string, string> = {
    oauth_consumer_key: credentials.consumerKey,
    oauth_nonce: "abc",
    oauth_signature_method: "HMAC-SHA1",
    oauth_timestamp: "1318622958",
    oauth_token: credentials.accessToken,
    oauth_version: "1.0",
  };
  /** A header over `params`, correctly signed for them: only the verifier's own rules can refuse it. */
  const signedHeader = (params: Record<string, string>): string => {
    const unsigned = `OAuth ${Object.entries(params)
      .map(([k, v]) => `${k}="${rfc5849Encode(v)}"`)
      .join(", ")}`;
    const signature = expectedSignature(
      { method: "GET", url, authorization: unsigned },
      secrets.consumerSecret,
      secrets.tokenSecret,
    );
    return `${unsigned}, oauth_signature="${rfc5849Encode(signature)}"`;
  };
  const verifies = (params: Record<string, string>) =>
    verifyOAuth1Request({
      method: "GET",
      url,
      header: signedHeader(params),
      ...secrets,
    });

  it("accepts the well-formed request, with or without oauth_version", () => {
    expect(verifies(base)).toBe(true);
    const { oauth_version: _version, ...noVersion } = base;
    expect(verifies(noVersion)).toBe(true);
  });

  it.each([
    ["another signature method", { oauth_signature_method: "PLAINTEXT" }],
    ["another version", { oauth_version: "2.0" }],
  ])("refuses %s", (_label, change) => {
    expect(verifies({ ...base, ...change })).toBe(false);
  });

  it.each(["oauth_consumer_key", "oauth_timestamp", "oauth_nonce"])(
    "refuses a request without %s",
    (name) => {
      const { [name]: _dropped, ...rest } = base;
      expect(verifies(rest)).toBe(false);
    },
  );

  it("parses the scheme only at the start, no trailing comma, escaped quotes", () => {
    expect(parseOAuth1Header('xOAuth oauth_nonce="n"')).toBeNull();
    expect(parseOAuth1Header('OAuth oauth_nonce="n", ')).toBeNull();
    expect(parseOAuth1Header('OAuth oauth_nonce="a\\"b"')).toEqual({
      oauth_nonce: 'a"b',
    });
  });

  it("needs a non-negative whole timestamp", () => {
    const header = (timestamp: number) =>
      oauth1AuthorizationHeader({ method: "GET", url, credentials, timestamp });
    expect(parseOAuth1Header(header(0))?.oauth_timestamp).toBe("0");
    for (const bad of [-1, 1.5])
      expect(() => header(bad)).toThrow(
        new TypeError(
          "Expected `timestamp` to be a non-negative integer number of seconds",
        ),
      );
  });

  it("percent-encodes bytes below 0x10 with two hex digits", () => {
    expect(percentEncode("\n\t")).toBe("%0A%09");
  });
});
