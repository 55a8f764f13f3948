// The CLI's side of resuming: files resume by default (re-running the same command continues where it
// stopped), the store follows the CLI's environment, and a stop prints the exact command that continues.
import { join } from "node:path";
import {
  fileSessionStore,
  type FileSessionStore,
  type ResumeEvent,
  type UploadOptions,
} from "../index.js";
import { cacheDir } from "../client/sessions/cache-dir.js";
import type { Parsed } from "./parse.js";
import { UsageError } from "./usage-error.js";

/** The session store of the CLI: `sessions/` in the cache directory its environment names. */
export function cliSessionStore(
  env: Readonly<Record<string, string | undefined>>,
): FileSessionStore {
  return fileSessionStore({ dir: join(cacheDir(env), "sessions") });
}

/** What an upload command tracks of resuming: its options, and whether saving failed. */
export interface CliResume {
  options: Pick<UploadOptions, "resume" | "resumeStore" | "onResume">;
  /** Set once the store failed: a stop then has nothing to resume from. */
  saveFailed: boolean;
}

/** Resume options for `files` (on unless --no-resume; stdin cannot resume), reporting events to `note`. */
export function cliResume(
  values: Parsed["values"],
  files: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  note: (line: string) => void,
): CliResume | undefined {
  if (values.resume && values["no-resume"])
    throw new UsageError("Give --resume or --no-resume, not both.", "upload");
  if (files.includes("-")) {
    if (values.resume)
      throw new UsageError(
        "`upload -` cannot resume: a pipe cannot be read again. Save it to a file first.",
        "upload",
      );
    return undefined;
  }
  if (values["no-resume"]) return undefined;
  const state: CliResume = {
    saveFailed: false,
    options: {
      resume: true,
      resumeStore: cliSessionStore(env),
      onResume: (event: ResumeEvent) => {
        if (event.type === "warning") state.saveFailed = true;
        note(event.message.replace(/^resume: /, ""));
      },
    },
  };
  return state;
}

/**
 * `x-media-upload upload … --resume` with the given flags, for the `unfinished` of `files` (finished ones printed
 * their media ids already; with --alt-text every file stays, so the texts keep their order), POSIX-shell quoted.
 */
export function resumeCommand(
  argv: readonly string[],
  files: readonly string[],
  unfinished: readonly string[],
): string {
  const all = new Set(files);
  const keep = argv.includes("--alt-text") ? all : new Set(unfinished);
  const args = argv.filter(
    (arg) => arg !== "--resume" && (!all.has(arg) || keep.has(arg)),
  );
  return ["x-media-upload", "upload", ...args, "--resume"].map(quote).join(" ");
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
