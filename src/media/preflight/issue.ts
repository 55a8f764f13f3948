// One finding of preflight: what breaks which of X's rules, and how to fix it.
import { BEST_PRACTICES } from "./limits.js";

/** A property of the media that breaks (error) or may break (warning) one of X's documented rules. */
export interface PreflightIssue {
  /** Stable id of the rule, e.g. `video.frameRate`. */
  rule: string;
  /** `error`: X documents it will refuse this. `warning`: X's pages disagree, recommend, or the account decides. */
  severity: "error" | "warning";
  /** The property, in words (`frame rate`). */
  property: string;
  /** Its value in this file (`61 fps`). */
  value: string;
  /** X's limit (`at most 60 fps`). */
  limit: string;
  /** How to fix it, usually with an ffmpeg command. */
  fix: string;
  /** X's page the limit comes from, and when it was read. */
  source: string;
  /** All of the above as one sentence. */
  message: string;
}

/** Builds an issue and its message. */
export function issue(
  fields: Omit<PreflightIssue, "message">,
  context: string,
): PreflightIssue {
  const verb = fields.severity === "error" ? "allows" : "documents";
  const message = `${cap(fields.property)} is ${fields.value}; X ${verb} ${fields.limit} ${context} (${fields.source}). Fix: ${fields.fix}.`;
  return { ...fields, message };
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Records one finding (the context is bound by the caller). */
export type AddIssue = (
  rule: string,
  severity: PreflightIssue["severity"],
  property: string,
  value: string,
  limit: string,
  fix: string,
  source?: string,
) => void;

/** An {@link AddIssue} that appends to `found`, with `context` (`for tweet_video …`) and X's best-practices page by default. */
export function collector(found: PreflightIssue[], context: string): AddIssue {
  return (
    rule,
    severity,
    property,
    value,
    limit,
    fix,
    source = BEST_PRACTICES,
  ) => {
    found.push(
      issue({ rule, severity, property, value, limit, fix, source }, context),
    );
  };
}
