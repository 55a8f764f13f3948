// Compile-time checks of the generated client. ts-jest only transpiles here (tsconfig has
// isolatedModules), so the test below runs the TypeScript compiler over this very file.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import ts from "typescript";
import type { operations } from "../../generated/openapi.js";
import { createXClient, type XClient } from "../../src/api/x-client.js";
import type { MediaCategory, MediaType } from "../../src/media/types.js";

const path = { path: { id: "1146654567674912769" } };

/** Never called: only compiled. The accepted calls prove the rejected ones fail for the stated reason. */
export async function compileOnly(client: XClient): Promise<void> {
  await client.POST("/2/media/upload/initialize", {
    body: { media_type: "video/mp4", total_bytes: 1024 },
  });
  await client.POST("/2/media/upload/initialize", {
    // @ts-expect-error "video/avi" is not a media_type X accepts
    body: { media_type: "video/avi", total_bytes: 1024 },
  });

  await client.POST("/2/media/upload/{id}/append", {
    params: path,
    body: { media: new Blob(["x"]), segment_index: 0 },
  });
  await client.POST("/2/media/upload/{id}/append", {
    params: path,
    body: { media: "eA==", segment_index: 0 },
  });
  await client.POST("/2/media/upload/{id}/append", {
    params: path,
    // @ts-expect-error segment_index is required
    body: { media: "eA==" },
  });

  await client.GET("/2/media/upload", {
    params: { query: { media_id: "1146654567674912769", command: "STATUS" } },
  });
  // @ts-expect-error not a path of X's media spec
  await client.POST("/2/media/nope", {});
}

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? true
    : false;
type InitBody = NonNullable<
  operations["initializeMediaUpload"]["requestBody"]
>["content"]["application/json"];
/** The hand-written media unions equal the generated spec types (through the operation): drift is a compile error here. */
export const mediaUnionsMatch: [
  Equal<MediaType, NonNullable<InitBody["media_type"]>>,
  Equal<MediaCategory, NonNullable<InitBody["media_category"]>>,
] = [true, true];
// @ts-expect-error Equal tells a union from one of its members
export const equalCanFail: Equal<MediaType, "video/mp4"> = true;

const FILE = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Type-checks this file (with `text` in place of its source) against the project's tsconfig. */
function typeErrors(
  text: string,
  old?: ts.Program,
): { program: ts.Program; errors: string[] } {
  const config = ts.getParsedCommandLineOfConfigFile(
    `${ROOT}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error("tsconfig.json did not parse");
  const host = ts.createCompilerHost(config.options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    name === FILE
      ? ts.createSourceFile(name, text, version)
      : read(name, version, ...rest);
  const program = ts.createProgram([FILE], config.options, host, old);
  const errors = ts
    .getPreEmitDiagnostics(program, program.getSourceFile(FILE))
    .map((d) => {
      const line =
        d.file && d.start !== undefined
          ? d.file.getLineAndCharacterOfPosition(d.start).line + 1
          : 0;
      return `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
    });
  return { program, errors };
}

describe("createXClient types", () => {
  it("compile with every @ts-expect-error used, each hiding the error it names", () => {
    const source = readFileSync(FILE, "utf8");
    const checked = typeErrors(source);
    expect(checked.errors).toEqual([]);

    const lines = source.split("\n");
    const marked = lines.flatMap((line, i) =>
      line.trim().startsWith("// @ts-expect-error") ? [i + 2] : [],
    );
    const unmarked = lines
      .map((line) => line.replace("// @ts-expect-error", "// (removed)"))
      .join("\n");
    const errors = typeErrors(unmarked, checked.program).errors;
    expect(errors.map((e) => Number(e.split(":")[0]))).toEqual(marked);
    expect(errors[0]).toContain('"video/avi"');
    expect(errors[1]).toContain("segment_index");
    expect(errors[2]).toContain('"/2/media/nope"');
    expect(errors[3]).toContain(
      "Type 'true' is not assignable to type 'false'",
    );
  });

  it("creates a client with the typed methods", () => {
    const client = createXClient({
      auth: { type: "oauth2", accessToken: "t" },
    });
    expect(typeof client.POST).toBe("function");
  });
});
