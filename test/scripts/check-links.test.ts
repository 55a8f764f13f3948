// check-links: GitHub's heading ids, links outside code only, broken files and anchors named with their line.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  anchorsOf,
  checkLinks,
  linksOf,
  slug,
} from "../../scripts/check-links.js";

describe("slug (github-slugger rules)", () => {
  test.each([
    ["client.upload(input, options?)", "clientuploadinput-options"],
    ["`x-media-upload upload <file>`", "x-media-upload-upload-file"],
    [
      "Errors it answers, and where X departs from its own spec",
      "errors-it-answers-and-where-x-departs-from-its-own-spec",
    ],
    ["`UploadResult`", "uploadresult"],
    [
      "**Bold** and _emphasis_ in snake_case",
      "bold-and-emphasis-in-snake_case",
    ],
    ["[A link](https://example.com) here", "a-link-here"],
    ["Node 20/22/24 — Bun & Deno", "node-202224--bun--deno"],
    ["Ünïcode Überschrift", "ünïcode-überschrift"],
  ])("%s → %s", (heading, expected) => {
    expect(slug(heading)).toBe(expected);
  });
});

test("anchors: repeated headings get -1, -2; HTML ids count; fenced code does not", () => {
  const anchors = anchorsOf(
    [
      "# Title",
      "## Options",
      "## Options",
      "## Options",
      '<a id="custom-anchor"></a>',
      "```md",
      "## Not a heading",
      "```",
    ].join("\n"),
  );
  expect([...anchors].sort()).toEqual(
    ["custom-anchor", "options", "options-1", "options-2", "title"].sort(),
  );
});

test("links: inline, images, reference definitions and href, never inside code", () => {
  const links = linksOf(
    [
      "See [a](docs/a.md#x) and ![img](pic.png).",
      "[ref]: other.md",
      '<a href="docs/b.md">b</a>',
      "`[not](a-link.md)`",
      "```",
      "[also not](code.md)",
      "```",
    ].join("\n"),
  );
  expect(links).toEqual([
    { line: 1, target: "docs/a.md#x" },
    { line: 1, target: "pic.png" },
    { line: 2, target: "other.md" },
    { line: 3, target: "docs/b.md" },
  ]);
});

describe("checkLinks", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "check-links-"));
    await mkdir(join(root, "docs"));
    await writeFile(
      join(root, "README.md"),
      [
        "# Readme",
        "## Quick start",
        "[ok](#quick-start) [ok](docs/api.md#upload-options) [ok](docs/)",
        "[web](https://example.com/#whatever) [mail](mailto:a@b.c)",
        "[gone](#uploadinput-options)",
        "[missing file](docs/nope.md)",
        "[bad anchor](docs/api.md#uploadinput-options)",
        "[outside](../elsewhere.md)",
      ].join("\n"),
    );
    await writeFile(
      join(root, "docs", "api.md"),
      "# API\n## Upload options\n[back](../README.md#readme)\n",
    );
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  test("reports each broken link with file, line and reason; nothing else", () => {
    expect(checkLinks(root, ["README.md", "docs/api.md"])).toEqual([
      {
        file: "README.md",
        line: 5,
        target: "#uploadinput-options",
        reason: "no heading or anchor #uploadinput-options in README.md",
      },
      {
        file: "README.md",
        line: 6,
        target: "docs/nope.md",
        reason: "docs/nope.md does not exist",
      },
      {
        file: "README.md",
        line: 7,
        target: "docs/api.md#uploadinput-options",
        reason: "no heading or anchor #uploadinput-options in docs/api.md",
      },
      {
        file: "README.md",
        line: 8,
        target: "../elsewhere.md",
        reason: "points outside the repository",
      },
    ]);
  });
});
