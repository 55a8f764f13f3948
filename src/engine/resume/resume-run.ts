// One upload's resume lifecycle: which session it starts from, saving it as X answers, dropping a session X
// rejects (once), and what is left in the store when the upload ends.
import {
  isProcessingError,
  isRateLimitError,
  isXApiError,
} from "../../errors/index.js";
import { MAX_SEGMENT_BYTES, planSegments } from "../../media/segments.js";
import type { UploadPlan } from "../prepare.js";
import type { ResumedUpload } from "../result.js";
import { newSession, type UploadSession } from "../session.js";
import type { MediaSource } from "../source/types.js";
import type { ResumeEvent } from "./events.js";
import {
  openResume,
  type OpenedResume,
  type ResumeSettings,
} from "./open-resume.js";
import { SessionSaver } from "./saver.js";

// X's answers for a media id it no longer knows: 404 unknown, 400 expired (docs.x.com media upload errors);
// 410 for good measure. 401/403 say nothing about the media, so they keep the session.
const REJECTS_MEDIA = new Set([400, 404, 410]);

/** Where one attempt of an upload starts: a new session, or a saved one with what it skips. */
export interface Start {
  session: UploadSession;
  plan: UploadPlan;
  resumed: ResumedUpload | undefined;
}

/** A new session for `plan`. */
export function freshStart(plan: UploadPlan, size: number): Start {
  return {
    session: newSession({
      mediaType: plan.mediaType,
      mediaCategory: plan.mediaCategory,
      size,
      segmentBytes: plan.segments.segmentBytes,
      segmentCount: plan.segments.count,
    }),
    plan,
    resumed: undefined,
  };
}

/** The resume side of one upload (`resume: true` and a claimable session). */
export class ResumeRun {
  #saver: SessionSaver | undefined;
  #saved: UploadSession | undefined;

  private constructor(
    private readonly settings: ResumeSettings,
    private readonly opened: OpenedResume,
    private readonly report: (event: ResumeEvent) => void,
  ) {
    this.#saved = opened.saved;
  }

  /** Opens the run; undefined when this upload cannot be saved (reported). */
  static async open(
    settings: ResumeSettings,
    path: string | undefined,
    source: MediaSource,
    plan: UploadPlan,
    scope: { origin: string; identity: string; now: () => number },
    report: (event: ResumeEvent) => void,
  ): Promise<ResumeRun | undefined> {
    const opened = await openResume(
      settings,
      path,
      source,
      plan,
      scope,
      report,
    );
    return opened && new ResumeRun(settings, opened, report);
  }

  /** The first call continues the saved session, if any; later calls (after a rejection) start fresh. */
  start(plan: UploadPlan, size: number): Start {
    const saved = this.#saved;
    this.#saved = undefined;
    const start = saved ? resumedStart(saved, plan) : freshStart(plan, size);
    this.#saver = new SessionSaver(
      this.settings.store,
      this.opened.id,
      start.session,
      (message, cause) =>
        this.report({
          type: "warning",
          source: this.opened.id.source,
          message: `resume: ${message} (${cause instanceof Error ? cause.message : String(cause)})`,
          cause,
        }),
    );
    if (start.resumed) {
      const { mediaId, skippedSegments, skippedBytes } = start.resumed;
      this.report({
        type: "resumed",
        source: this.opened.id.source,
        mediaId,
        phase: start.session.phase as "appending" | "finalized" | "done",
        skippedSegments,
        skippedBytes,
        message: `resume: continuing media ${mediaId} of ${this.opened.id.source}: ${skippedSegments} of ${start.session.segmentCount} segments (${skippedBytes} bytes) already sent.`,
      });
    }
    return start;
  }

  /** The session changed (INIT, an ack, FINALIZE): saved soon, coalesced with other changes. */
  changed(): void {
    this.#saver?.changed();
  }

  /** An ack: resolves once it is saved (with the others made meanwhile), so its slot may go to the next segment. */
  async acknowledged(): Promise<void> {
    this.#saver?.changed();
    await this.#saver?.saved();
  }

  /** Saves now (after INIT, so no crash can lose the media id). */
  async save(): Promise<void> {
    await this.#saver?.flush();
  }

  /** Whether `error` is X rejecting the resumed media id; if so the record is dropped and reported. */
  async rejected(error: unknown, start: Start): Promise<boolean> {
    const id = start.resumed?.mediaId;
    if (
      id === undefined ||
      !isXApiError(error) ||
      isRateLimitError(error) ||
      !REJECTS_MEDIA.has(error.status) ||
      error.target?.mediaId !== id
    )
      return false;
    await this.#saver?.delete();
    this.report({
      type: "discarded",
      source: this.opened.id.source,
      mediaId: id,
      reason: "rejected",
      message: `resume: X answered ${error.status} for media ${id} of ${this.opened.id.source} (expired or unknown); the saved session is dropped.`,
    });
    return true;
  }

  /** The upload finished: its record is deleted, or kept with `keepSession`. */
  async finished(): Promise<void> {
    if (this.settings.keep) await this.#saver?.flush();
    else await this.#saver?.delete();
  }

  /** The upload failed: the record stays for the next run, unless X failed the media itself. */
  async failed(error: unknown): Promise<void> {
    if (isProcessingError(error)) await this.#saver?.delete();
    else await this.#saver?.flush();
  }

  /** Ends the claim on the session. */
  async release(): Promise<void> {
    await this.opened.release().catch(() => {});
  }
}

function resumedStart(saved: UploadSession, plan: UploadPlan): Start {
  // The saved segment size wins: acknowledged indexes only mean something with the ranges they were sent with.
  const segments = planSegments(saved.size, {
    segmentBytes: saved.segmentBytes,
    maxSegmentBytes: MAX_SEGMENT_BYTES,
  });
  if (!segments.ok) throw new Error(segments.reason); // wellFormed() ruled this out
  const done = new Set(saved.acked);
  const finalized = saved.phase !== "appending";
  const skipped = segments.segments.filter(
    (s) => finalized || done.has(s.index),
  );
  return {
    session: saved,
    plan: { ...plan, segments },
    resumed: {
      mediaId: saved.mediaId ?? "",
      skippedSegments: skipped.length,
      skippedBytes: skipped.reduce((n, s) => n + s.end - s.start, 0),
    },
  };
}
