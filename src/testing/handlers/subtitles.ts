// POST and DELETE /2/media/subtitles: attach an uploaded subtitles file to a video, or remove one language.
import { jsonAnswer } from "../answer.js";
import type { Handler, RequestContext } from "../context.js";
import type { OkBody } from "../responses.js";
import type { Session } from "../store.js";
import {
  invalid,
  liveSession,
  oneOf,
  onlyKnown,
  readJsonObject,
} from "../validation.js";

const SUBTITLE_CATEGORIES = ["AmplifyVideo", "TweetVideo"] as const;
// SubtitleLanguageCode pattern in the spec.
const LANGUAGE_CODE = /^[A-Z]{2}$/;

/** createMediaSubtitles */
export const createSubtitles: Handler = async (ctx) => {
  const body = await readJsonObject(ctx);
  onlyKnown(body, ["id", "media_category", "subtitles"]);
  const category = oneOf(
    body.media_category,
    SUBTITLE_CATEGORIES,
    "media_category",
  );
  const subtitles = body.subtitles as
    | { id?: unknown; language_code?: unknown; display_name?: unknown }
    | undefined;
  if (typeof subtitles !== "object" || subtitles === null)
    invalid("The `subtitles` object is missing", "subtitles", subtitles);
  const language = languageCode(
    subtitles.language_code,
    "subtitles.language_code",
  );
  if (
    subtitles.display_name !== undefined &&
    typeof subtitles.display_name !== "string"
  ) {
    invalid(
      "The `subtitles.display_name` value must be a string",
      "subtitles.display_name",
      subtitles.display_name,
    );
  }
  const file = await finalized(ctx, subtitles.id, "subtitles.id");
  if (file.kind !== "subtitles")
    invalid(
      `Media id ${file.id} is not a subtitles upload (media_category subtitles).`,
      "subtitles.id",
      file.id,
    );
  const video = await videoOf(ctx, body.id);
  const entry = {
    id: file.id,
    languageCode: language,
    ...(typeof subtitles.display_name === "string"
      ? { displayName: subtitles.display_name }
      : {}),
  };
  video.subtitles = [
    ...video.subtitles.filter((s) => s.languageCode !== language),
    entry,
  ];
  const answer: OkBody<"createMediaSubtitles"> = {
    data: {
      id: video.id,
      media_category: category,
      associated_subtitles: video.subtitles.map((s) => ({
        id: s.id,
        language_code: s.languageCode,
        ...(s.displayName === undefined ? {} : { display_name: s.displayName }),
      })),
    },
  };
  return jsonAnswer(200, answer);
};

/** deleteMediaSubtitles: answers `deleted: false` when the video had no subtitles in that language. */
export const deleteSubtitles: Handler = async (ctx) => {
  const body = await readJsonObject(ctx);
  onlyKnown(body, ["id", "language_code", "media_category"]);
  oneOf(body.media_category, SUBTITLE_CATEGORIES, "media_category");
  const language = languageCode(body.language_code, "language_code");
  const video = await videoOf(ctx, body.id);
  const before = video.subtitles.length;
  video.subtitles = video.subtitles.filter((s) => s.languageCode !== language);
  const answer: OkBody<"deleteMediaSubtitles"> = {
    data: { deleted: video.subtitles.length < before },
  };
  return jsonAnswer(200, answer);
};

function languageCode(value: unknown, parameter: string): string {
  if (typeof value !== "string" || !LANGUAGE_CODE.test(value)) {
    invalid(
      `The \`${parameter}\` value must match ^[A-Z]{2}$ (e.g. "EN")`,
      parameter,
      value,
    );
  }
  return value;
}

async function finalized(
  ctx: RequestContext,
  id: unknown,
  parameter: string,
): Promise<Session> {
  const session = await liveSession(ctx, id, parameter);
  if (session.finalizedAt === undefined)
    invalid(
      `Media id ${session.id} is not finalized yet.`,
      parameter,
      session.id,
    );
  return session;
}

async function videoOf(ctx: RequestContext, id: unknown): Promise<Session> {
  const video = await finalized(ctx, id, "id");
  if (video.kind !== "video")
    invalid(
      `Media id ${video.id} is not a video; subtitles attach to videos only.`,
      "id",
      video.id,
    );
  return video;
}
