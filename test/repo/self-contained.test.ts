// Repository rules a grep can check: the repo stands alone (no sibling shared/ dir, no machine paths), and
// hand-written code binds to operations and paths, never to component schema names (X renames them).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { ROOT } from "../scripts/helpers/workspace.js";

const CHECKED = ["src", "test", "scripts", "bench", ".ci"];
// Written in pieces so this file does not match itself.
const SHARED = ["..", "shared"].join("/");
const MACHINE_PATH = new RegExp(
  `['"\`](/(${["work", "home", "Users", "tmp", "root", "var", "opt", "mnt", "srv", "usr", "etc"].join("|")})/|[A-Za-z]:\\\\\\\\)`,
);
const SCHEMAS = ["components", '["schemas"]'].join("");
const SCHEMAS_SINGLE = ["components", "['schemas']"].join("");
const ALLOWED = "path-check: sample input, never read";
// The extractor copies components by name, and the spec:evolve mutations rename and inline them: both
// edit spec JSON by design (neither uses the generated types).
const SCHEMA_NAME_EXEMPT = /^scripts\/(lib\/extract\.ts|evolve\/)/;

/** Tracked and new (not ignored) files under CHECKED; a plain walk when there is no git. */
function trackedFiles(): string[] {
  try {
    return execFileSync(
      "git",
      [
        "ls-files",
        "-z",
        "--cached",
        "--others",
        "--exclude-standard",
        ...CHECKED,
      ],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    )
      .split("\0")
      .filter(Boolean);
  } catch {
    const out: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else out.push(relative(ROOT, path));
      }
    };
    CHECKED.forEach((dir) => walk(join(ROOT, dir)));
    return out;
  }
}

const textFiles = trackedFiles().filter(
  (path) => !/\.(gz|png|gif|mp4|jpe?g|webp)$/i.test(path),
);

/** `file:line: text` of every line matching `test` in the files `include` admits. */
function offenders(
  test: (line: string) => boolean,
  include: (path: string) => boolean = () => true,
): string[] {
  return textFiles.filter(include).flatMap((path) =>
    readFileSync(join(ROOT, path), "utf8")
      .split("\n")
      .flatMap((line, i) =>
        test(line) && !line.includes(ALLOWED)
          ? [`${path}:${i + 1}: ${line.trim()}`]
          : [],
      ),
  );
}

describe("the repository stands alone", () => {
  it("checks a real list of files", () => {
    expect(textFiles.length).toBeGreaterThan(50);
    expect(textFiles).toContain("test/repo/self-contained.test.ts");
  });

  it(`no tracked file in ${CHECKED.join(", ")} names ${SHARED}`, () => {
    expect(offenders((line) => line.includes(SHARED))).toEqual([]);
  });

  it("no tracked file there names an absolute machine path", () => {
    expect(offenders((line) => MACHINE_PATH.test(line))).toEqual([]);
  });

  it("the checks catch what they look for", () => {
    expect(MACHINE_PATH.test(`readFile("/${"work"}/shared/x.json")`)).toBe(
      true,
    );
    expect(MACHINE_PATH.test(`'C:${"\\\\"}Users'`)).toBe(true); // as source text spells it
    expect(MACHINE_PATH.test(`fetch("/2/media/upload")`)).toBe(false);
  });
});

describe("hand-written code binds to operations, not component names", () => {
  it(`no file in src/, test/, bench/ or scripts/ (but the extractor and spec:evolve) names ${SCHEMAS}`, () => {
    const named = offenders(
      (line) => line.includes(SCHEMAS) || line.includes(SCHEMAS_SINGLE),
      (path) => !SCHEMA_NAME_EXEMPT.test(path),
    );
    expect(named).toEqual([]);
  });
});
