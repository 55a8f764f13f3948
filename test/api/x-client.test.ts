// Connection settings: the defaults as literals, each refusal word for word, and the User-Agent on the wire.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createXClient, resolveConnection } from "../../src/api/x-client.js";

const auth = { type: "oauth2", accessToken: "test-token-0123456789" } as const;

describe("resolveConnection", () => {
  test("defaults: X's API origin and the library's User-Agent", () => {
    expect(resolveConnection({ auth })).toMatchObject({
      baseUrl: "https://api.x.com",
      userAgent: "x-media-upload",
      fetch: undefined,
    });
  });

  test("every trailing slash goes, the path stays", () => {
    expect(
      resolveConnection({ auth, baseUrl: "http://127.0.0.1:8080/x///" })
        .baseUrl,
    ).toBe("http://127.0.0.1:8080/x");
  });

  test("a relative baseUrl is refused, named", () => {
    expect(() => resolveConnection({ auth, baseUrl: "api.x.com" })).toThrow(
      new TypeError(
        'Expected `baseUrl` to be an absolute URL, got "api.x.com".',
      ),
    );
  });

  test("credentials in baseUrl are refused, a user alone or a password alone, without echoing them", () => {
    expect(() =>
      resolveConnection({ auth, baseUrl: "https://me@api.x.com" }),
    ).toThrow(
      new TypeError(
        'Expected `baseUrl` without credentials (user:password@), got "https://api.x.com/". X authenticates through `auth`.',
      ),
    );
    expect(() =>
      resolveConnection({ auth, baseUrl: "https://:hunter2@api.x.com" }),
    ).toThrow(/^Expected `baseUrl` without credentials/);
  });

  test("a User-Agent that is not a header value is refused, named", () => {
    expect(() => resolveConnection({ auth, userAgent: "a\nb" })).toThrow(
      new TypeError(
        'Expected `userAgent` to be a valid header value (no line breaks or control characters), got "a\\nb".',
      ),
    );
  });
});

describe("createXClient", () => {
  let server: Server;
  let url: string;
  const agents: (string | undefined)[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      agents.push(req.headers["user-agent"]);
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"data":{"id":"1"}}');
    });
    await new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", resolve),
    );
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test("sends the User-Agent, the default or the given one", async () => {
    const status = (userAgent?: string) =>
      createXClient({
        auth,
        baseUrl: url,
        ...(userAgent === undefined ? {} : { userAgent }),
      }).GET("/2/media/upload", {
        params: { query: { command: "STATUS", media_id: "1" } },
      });
    await status();
    await status("my-app/2");
    expect(agents).toEqual(["x-media-upload", "my-app/2"]);
  });
});
