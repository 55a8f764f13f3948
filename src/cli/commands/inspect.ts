// `x-media-upload inspect <file...>`: what X's media rules look at, read from each file's headers, and how the
// file fares against those rules for the category it would be uploaded as. Nothing is sent.
import {
  checkMedia,
  inspectMedia,
  MEDIA_CATEGORIES,
  type MediaCategory,
} from "../../index.js";
import { inferCategory } from "../../media/category.js";
import { formatTable } from "../format.js";
import { HELP } from "../help.js";
import { println, type CliIo } from "../io.js";
import { choiceFlag, parseCommand, type FlagSpec } from "../parse.js";
import { INSPECT_COLUMNS, inspectJson, inspectRow } from "../inspect-view.js";
import { inCliWords } from "../wording.js";
import { checkReadableFile } from "./upload.js";

const FLAGS: FlagSpec = {
  category: { type: "string" },
  json: { type: "boolean" },
};

/** Runs inspect; resolves 0 (the verdicts are information; a missing file is bad input, exit 3). */
export async function inspectCommand(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  const { values, positionals } = parseCommand("inspect", argv, FLAGS, {
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    names: "at least one <file>",
  });
  if (values.help) {
    println(io.stdout, HELP.inspect);
    return 0;
  }
  const category = choiceFlag("category", values.category, MEDIA_CATEGORIES);
  for (const file of positionals) await checkReadableFile(file);
  const rows: string[][] = [[...INSPECT_COLUMNS]];
  const json: Record<string, unknown>[] = [];
  const notes: string[] = [];
  for (const file of positionals) {
    const inspection = await inspectMedia(file);
    const mediaCategory: MediaCategory | undefined =
      category ??
      (inspection.mediaType ? inferCategory(inspection.mediaType) : undefined);
    const issues = checkMedia(inspection, { mediaCategory });
    rows.push(inspectRow(file, inspection, issues));
    json.push({ ...inspectJson(file, inspection, issues), mediaCategory });
    for (const issue of issues)
      notes.push(
        `${file} (${mediaCategory}): ${issue.severity}: ${inCliWords(issue.message)}`,
      );
  }
  if (values.json) {
    println(io.stdout, JSON.stringify({ ok: true, files: json }));
    return 0;
  }
  for (const line of formatTable(rows)) println(io.stdout, line);
  if (notes.length > 0) println(io.stdout, "");
  for (const note of notes) println(io.stdout, note);
  return 0;
}
