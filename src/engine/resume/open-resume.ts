// Before INIT: find this input's saved session, claim it and decide whether it can be continued. Every store
// failure turns into "not resumable" with a warning; nothing here fails an upload that could otherwise succeed.
import type { SessionStore, SavedSession } from "../session-store.js";
import type { UploadSession } from "../session.js";
import type { MediaSource } from "../source/types.js";
import type { UploadPlan } from "../prepare.js";
import { MAX_SEGMENT_BYTES, MAX_SEGMENTS } from "../../media/segments.js";
import type { ResumeEvent } from "./events.js";
import {
  resumeIdentity,
  type ResumeIdentity,
  type ResumeName,
} from "./fingerprint.js";

/** A session this close to X's expiry is not resumed: the rest of the upload would race the deadline. */
export const EXPIRY_MARGIN_MS = 10 * 60 * 1000;

/** Resume options after defaults. */
export interface ResumeSettings {
  store: SessionStore;
  /** Names a stream, Blob or bytes input across runs (files are named by their path). */
  resumeKey: string | undefined;
  /** Keep the record of a finished upload. */
  keep: boolean;
}

/** A claimed upload, continuing `saved` when that was valid; `release` ends the claim. */
export interface OpenedResume {
  id: ResumeIdentity;
  saved: UploadSession | undefined;
  release: () => Promise<void>;
}

/** Looks up and claims the session of `source`; undefined when this upload cannot be saved at all. */
export async function openResume(
  settings: ResumeSettings,
  path: string | undefined,
  source: MediaSource,
  plan: UploadPlan,
  scope: { origin: string; identity: string; now: () => number },
  report: (event: ResumeEvent) => void,
): Promise<OpenedResume | undefined> {
  const name: ResumeName | undefined =
    settings.resumeKey !== undefined
      ? { kind: "key", resumeKey: settings.resumeKey }
      : path !== undefined
        ? { kind: "file", path }
        : undefined;
  if (!name) {
    report({
      type: "warning",
      source: undefined,
      message:
        "resume: a stream, Blob or bytes input is resumable only with a `resumeKey` naming it; this upload is not saved.",
    });
    return undefined;
  }
  const { store } = settings;
  let id: ResumeIdentity;
  try {
    id = await resumeIdentity(name, source, scope);
  } catch (error) {
    report(storeWarning(undefined, "cannot fingerprint the input", error));
    return undefined;
  }
  let release: () => Promise<void> = async () => {};
  try {
    const claimed = store.claim ? await store.claim(id.key) : release;
    if (!claimed) {
      report({
        type: "warning",
        source: id.source,
        message: `resume: another upload is using the saved session of ${id.source}; this one starts fresh and is not saved.`,
      });
      return undefined;
    }
    release = claimed;
  } catch (error) {
    report(storeWarning(id.source, "cannot claim the saved session", error));
    return undefined;
  }
  let record: SavedSession | undefined;
  try {
    record = await store.get(id.key);
  } catch (error) {
    report({
      type: "discarded",
      source: id.source,
      mediaId: undefined,
      reason: "unreadable",
      message: `resume: the saved session of ${id.source} is unreadable (${messageOf(error)}); starting fresh.`,
    });
  }
  const saved = record && usable(record, id, plan, scope.now(), report);
  return { id, saved, release };
}

/** The saved session if it can be continued; reports why not otherwise. */
function usable(
  record: SavedSession,
  id: ResumeIdentity,
  plan: UploadPlan,
  now: number,
  report: (event: ResumeEvent) => void,
): UploadSession | undefined {
  const s = record.session;
  const discard = (reason: ResumeEvent & { type: "discarded" }) => {
    report(reason);
    return undefined;
  };
  const base = {
    type: "discarded" as const,
    source: id.source,
    mediaId: s?.mediaId,
  };
  if (!wellFormed(record)) {
    return discard({
      ...base,
      mediaId: undefined,
      reason: "unreadable",
      message: `resume: the saved session of ${id.source} is not one this version can read; starting fresh.`,
    });
  }
  if (record.fingerprint !== id.fingerprint) {
    return discard({
      ...base,
      reason: "changed",
      message: `resume: ${id.source} changed since media ${s.mediaId} was started (size, mtime or content); starting fresh.`,
    });
  }
  if (s.expiresAt !== undefined && s.expiresAt - EXPIRY_MARGIN_MS <= now) {
    return discard({
      ...base,
      reason: "expired",
      message: `resume: media ${s.mediaId} of ${id.source} expires at ${new Date(s.expiresAt).toISOString()}, too soon to finish it; starting fresh.`,
    });
  }
  if (
    s.mediaType !== plan.mediaType ||
    s.mediaCategory !== plan.mediaCategory
  ) {
    return discard({
      ...base,
      reason: "options",
      message: `resume: media ${s.mediaId} was started as ${s.mediaType} (${s.mediaCategory ?? "no category"}), this upload asks for ${plan.mediaType} (${plan.mediaCategory ?? "no category"}); starting fresh.`,
    });
  }
  return { ...s, acked: [...s.acked] };
}

/** Shape checks: a record from another version or a damaged store must not steer the upload. */
function wellFormed(record: SavedSession): boolean {
  const s = record.session as Partial<UploadSession> | undefined;
  const count = s?.segmentCount;
  return (
    record.version === 1 &&
    s?.version === 1 &&
    (s.phase === "appending" ||
      s.phase === "finalized" ||
      s.phase === "done") &&
    typeof s.mediaId === "string" &&
    s.mediaId.length > 0 &&
    Number.isSafeInteger(s.size) &&
    Number.isSafeInteger(s.segmentBytes) &&
    (s.segmentBytes ?? 0) > 0 &&
    (s.segmentBytes ?? 0) <= MAX_SEGMENT_BYTES &&
    (count ?? 0) <= MAX_SEGMENTS &&
    Number.isSafeInteger(count) &&
    count === Math.ceil((s.size ?? 0) / (s.segmentBytes ?? 1)) &&
    Array.isArray(s.acked) &&
    s.acked.every(
      (i) => Number.isSafeInteger(i) && i >= 0 && i < (count ?? 0),
    ) &&
    (s.expiresAt === undefined || Number.isFinite(s.expiresAt))
  );
}

function storeWarning(
  source: string | undefined,
  what: string,
  cause: unknown,
): ResumeEvent {
  return {
    type: "warning",
    source,
    message: `resume: ${what}${source ? ` of ${source}` : ""} (${messageOf(cause)}); this upload goes on but is not saved.`,
    cause,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
