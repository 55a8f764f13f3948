// Preflight in upload(): inspect the media from the opened source, check it against X's rules for the category,
// refuse (strict) or report (warn) before any request. Only headers and boxes are read (media/inspect).
import { InvalidInputError } from "../errors/index.js";
import { inspectBytes } from "../media/inspect/index.js";
import { checkMedia, type PreflightIssue } from "../media/preflight/index.js";
import type { ResolvedUploadOptions } from "../options.js";
import type { UploadPlan } from "./prepare.js";
import { byteReader } from "./source/byte-reader.js";
import type { MediaSource } from "./source/types.js";

/** Runs preflight; throws InvalidInputError (strict) naming every error, and returns the warnings it delivered. */
export async function preflight(
  source: MediaSource,
  plan: Pick<UploadPlan, "mediaType" | "mediaCategory">,
  options: Pick<
    ResolvedUploadOptions,
    "preflight" | "onWarning" | "accountTier"
  >,
): Promise<readonly PreflightIssue[]> {
  if (options.preflight === "off") return [];
  const inspection = await inspectBytes(
    await byteReader(source),
    plan.mediaType,
  );
  const issues = checkMedia(inspection, {
    mediaCategory: plan.mediaCategory,
    accountTier: options.accountTier,
  });
  const errors = issues.filter((i) => i.severity === "error");
  if (options.preflight === "strict" && errors.length > 0) {
    const list = errors.map((e) => `\n  - ${e.message}`).join("");
    throw new InvalidInputError(
      `Preflight: X documents that it refuses this ${plan.mediaType} as ${plan.mediaCategory}:${list}\nNothing was sent. Fix the file, or pass \`preflight: "warn"\` to upload it anyway.`,
    );
  }
  // In warn mode the errors are delivered as warnings too (severity kept: X is expected to refuse them).
  const warnings =
    options.preflight === "strict"
      ? issues.filter((i) => i.severity === "warning")
      : issues;
  for (const warning of warnings) options.onWarning?.(warning);
  return warnings;
}
