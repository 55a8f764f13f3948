// openSource's refusals word for word, file: URLs given as strings, and the file name each input reports.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { InvalidInputError } from "../../src/errors/index.js";
import { openSource } from "../../src/engine/source/open-source.js";

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "xmu-open-"));
  file = join(dir, "photo.png");
  await writeFile(file, new Uint8Array(123));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const refusal = (input: unknown) =>
  openSource(input as never).then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error as InvalidInputError,
  );

const expected = (got: string) =>
  `Expected \`input\` to be a file path, a file: URL, a Uint8Array/Buffer, a Blob/File, a ReadableStream or a Node Readable, got ${got}.`;

describe("refusals", () => {
  test("what is not an input is named by its type or class", async () => {
    expect((await refusal(42)).message).toBe(expected("number"));
    expect((await refusal(null)).message).toBe(expected("null"));
    expect((await refusal(new Map())).message).toBe(expected("Map"));
    expect((await refusal(Object.create(null))).message).toBe(
      expected("object"),
    );
  });

  test("a missing file names the path and the system code, keeping the cause", async () => {
    const missing = join(dir, "nope.png");
    const error = await refusal(missing);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe(
      `Cannot read the input file ${JSON.stringify(missing)} (ENOENT). Check that the path exists and is a readable file.`,
    );
    expect((error.cause as { code?: string }).code).toBe("ENOENT");
  });

  test("a URL of another protocol is refused, naming it; a string that is not file: is a path", async () => {
    expect((await refusal(new URL("https://example.com/a.png"))).message).toBe(
      "Expected `input` URL to use the file: protocol, got https:. Download remote media first and pass a stream.",
    );
    expect((await refusal("https://example.com/a.png")).message).toMatch(
      /^Cannot read the input file "https:\/\/example\.com\/a\.png" \(ENOENT\)/,
    );
  });
});

describe("what opens", () => {
  test("a file: URL given as a string is the file; its name is the path's", async () => {
    const source = await openSource(pathToFileURL(file).href);
    expect(source.size).toBe(123);
    expect(source.fileName).toBe("photo.png");
    await source.close();
  });

  test("a File's name, unless a fileName hint wins; an empty name is none", async () => {
    const bytes = new Uint8Array(4);
    expect((await openSource(new File([bytes], "a.gif"))).fileName).toBe(
      "a.gif",
    );
    expect(
      (await openSource(new File([bytes], "a.gif"), { fileName: "b.mp4" }))
        .fileName,
    ).toBe("b.mp4");
    expect((await openSource(new File([bytes], ""))).fileName).toBeUndefined();
    const blob = await openSource(new Blob([bytes], { type: "image/gif" }));
    expect(blob.fileName).toBeUndefined();
    // A Blob is read at random, and its type is a hint.
    expect(blob.sequential).toBe(false);
    expect(blob.declaredType).toBe("image/gif");
    expect((await openSource(new Blob([bytes]))).declaredType).toBeUndefined();
  });
});
