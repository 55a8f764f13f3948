// A throwaway copy of the repository for running the scripts' CLIs without touching the real tree.
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** What a CLI run printed and how it exited. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Copies `entries` of the repository into a new temp dir, with node_modules symlinked. */
export async function makeWorkspace(entries: readonly string[]): Promise<{
  dir: string;
  run: (args: readonly string[]) => Promise<RunResult>;
  remove: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "x-media-scripts-"));
  for (const entry of entries) {
    await cp(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const run = (args: readonly string[]): Promise<RunResult> =>
    new Promise((resolve) => {
      const [command = "", ...rest] = args;
      execFile(
        join(ROOT, "node_modules", ".bin", command),
        rest,
        { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error
            ? typeof error.code === "number"
              ? error.code
              : 1
            : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  return { dir, run, remove };
}
