// Preflight in upload(), over real HTTP against the fake X server: strict refuses before any request, warn
// uploads and reports, off skips; warnings reach onWarning and the result.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { createReadStream, readFileSync, statSync } from "node:fs";
import { InvalidInputError, type PreflightIssue } from "../../src/index.js";
import type { FakeXServer } from "../../src/testing/index.js";
import { media } from "../media/inspect/fixtures.js";
import { clientFor, startServer } from "./harness.js";

let server: FakeXServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

/** Requests the fake received while `run` ran. */
async function requestsDuring(run: () => Promise<unknown>): Promise<number> {
  const before = server.requests.length;
  await run().catch(() => {});
  return server.requests.length - before;
}

describe("strict (the default)", () => {
  test.each([
    [
      "fps-61.mp4",
      /The frame rate is 61 fps; X allows at most 60 fps for tweet_video .*Fix: re-encode at 30 fps/,
    ],
    [
      "aspect-1x4.mp4",
      /The aspect ratio is 1:4 \(128×512\); X allows between 1:3 and 3:1/,
    ],
    ["he-aac.mp4", /The audio profile is HE-AAC; X allows only AAC LC/],
  ])(
    "%s: InvalidInputError naming the rule, and nothing sent",
    async (name, message) => {
      const upload = clientFor(server).upload(media(name));
      await expect(upload).rejects.toThrow(InvalidInputError);
      await expect(upload).rejects.toThrow(message);
      await expect(upload).rejects.toThrow(
        /Nothing was sent\. Fix the file, or pass `preflight: "warn"` to upload it anyway\./,
      );
      expect(
        await requestsDuring(() => clientFor(server).upload(media(name))),
      ).toBe(0);
    },
  );

  test("150 s as dm_video: uploaded with a duration warning (account tier unknown)", async () => {
    const warnings: PreflightIssue[] = [];
    const result = await clientFor(server).upload(media("duration-150s.mp4"), {
      mediaCategory: "dm_video",
      onWarning: (w) => warnings.push(w),
    });
    expect(result.warnings.map((w) => [w.rule, w.severity])).toEqual([
      ["video.duration", "warning"],
    ]);
    expect(warnings).toEqual(result.warnings);
  });

  test("150 s as dm_video with accountTier standard: refused, naming 140 s and X Premium; premium uploads it", async () => {
    const options = {
      mediaCategory: "dm_video",
      accountTier: "standard",
    } as const;
    const upload = clientFor(server).upload(
      media("duration-150s.mp4"),
      options,
    );
    await expect(upload).rejects.toThrow(
      /The duration is 150 s \(2 min 30 s\); X allows at most 140 s \(2 min 20 s\) for dm_video on a standard account .*or upload from an X Premium account/,
    );
    expect(
      await requestsDuring(() =>
        clientFor(server).upload(media("duration-150s.mp4"), options),
      ),
    ).toBe(0);
    const premium = await clientFor(server).upload(media("duration-150s.mp4"), {
      ...options,
      accountTier: "premium",
    });
    expect(premium.warnings).toEqual([]);
  });

  test("351-frame GIF and 2000×2000 video: uploaded, each with its warning", async () => {
    const gif = await clientFor(server).upload(media("frames-351.gif"));
    expect(gif.warnings.map((w) => w.rule)).toEqual(["gif.frames"]);
    const big = await clientFor(server).upload(media("size-2000x2000.mp4"));
    expect(big.warnings.map((w) => w.rule)).toEqual(["video.dimensions"]);
    expect(server.upload(big.id)?.state).toBe("finalized");
  });

  test("conforming files: no warning, onWarning never called", async () => {
    for (const name of [
      "conforming.mp4",
      "moov-at-end.mp4",
      "conforming.mov",
      "frames-10.gif",
    ]) {
      const result = await clientFor(server).upload(media(name), {
        onWarning: () => {
          throw new Error(`unexpected warning for ${name}`);
        },
      });
      expect([name, result.warnings]).toEqual([name, []]);
    }
  });

  test("a client default of preflight applies; an upload option wins over it", async () => {
    const client = clientFor(server, { preflight: "warn" });
    const result = await client.upload(media("fps-61.mp4"));
    expect(result.warnings.map((w) => w.rule)).toEqual(["video.frameRate"]);
    await expect(
      client.upload(media("fps-61.mp4"), { preflight: "strict" }),
    ).rejects.toThrow(InvalidInputError);
  });
});

describe("warn and off", () => {
  test("warn: uploads, and reports what X is expected to refuse as warnings with severity error", async () => {
    const seen: string[] = [];
    const result = await clientFor(server).upload(media("he-aac.mp4"), {
      preflight: "warn",
      onWarning: (w) => seen.push(`${w.rule}:${w.severity}`),
    });
    expect(seen).toEqual(["audio.profile:error"]);
    expect(result.warnings).toHaveLength(1);
    expect(server.upload(result.id)?.totalBytes).toBe(
      statSync(media("he-aac.mp4")).size,
    );
  });

  test("off: no inspection, no warnings", async () => {
    const result = await clientFor(server).upload(media("fps-61.mp4"), {
      preflight: "off",
    });
    expect(result.warnings).toEqual([]);
  });

  test("an onWarning that throws stops the upload before any request", async () => {
    const boom = new Error("stop");
    const sent = await requestsDuring(async () => {
      await expect(
        clientFor(server).upload(media("frames-351.gif"), {
          onWarning: () => {
            throw boom;
          },
        }),
      ).rejects.toBe(boom);
    });
    expect(sent).toBe(0);
  });

  test("a bad preflight value is a TypeError, thrown before anything starts", () => {
    expect(() =>
      clientFor(server).upload(media("conforming.mp4"), {
        preflight: "loose" as never,
      }),
    ).toThrow(
      new TypeError(
        'Expected `preflight` to be one of strict, warn, off, got "loose".',
      ),
    );
    expect(() =>
      clientFor(server).upload(media("conforming.mp4"), {
        onWarning: 42 as never,
      }),
    ).toThrow(TypeError);
  });
});

describe("streams", () => {
  test("a sized stream with moov at the front is checked from its first MiB", async () => {
    const path = media("fps-61.mp4");
    const upload = clientFor(server).upload(createReadStream(path), {
      size: statSync(path).size,
    });
    await expect(upload).rejects.toThrow(/61 fps/);
  });

  test("a stream without size is spooled, so even moov at the end is read", async () => {
    const bytes = readFileSync(media("moov-at-end.mp4"));
    const result = await clientFor(server).upload(new Blob([bytes]).stream());
    expect(result.warnings).toEqual([]);
  });
});
