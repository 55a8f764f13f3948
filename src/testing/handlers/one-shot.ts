// POST /2/media/upload: a whole small image or subtitles file in one request (multipart or JSON base64).
import { jsonAnswer } from "../answer.js";
import {
  ONE_SHOT_CATEGORIES,
  ONE_SHOT_MEDIA_TYPES,
  kindOf,
  mediaKeyPrefix,
  sizeLimitOf,
  typeFitsCategory,
} from "../categories.js";
import { completeUpload } from "../complete.js";
import type { Handler } from "../context.js";
import { MediaSink } from "../media-sink.js";
import { mediaBody } from "../responses.js";
import { sniffMediaType } from "../../media/sniff.js";
import {
  invalid,
  oneOf,
  onlyKnown,
  optionalBoolean,
  userIds,
} from "../validation.js";
import { readFields } from "./one-shot-body.js";

type OneShotType = (typeof ONE_SHOT_MEDIA_TYPES)[number];

/** mediaUpload: the media is streamed to disk, then checked and finalized like a one-segment upload. */
export const oneShot: Handler = async (ctx) => {
  const { store, options } = ctx.state;
  const sink = await MediaSink.open(
    store.scratchFile(),
    Math.max(
      ...ONE_SHOT_CATEGORIES.map((c) =>
        sizeLimitOf(c, kindOf(c, ""), options.accountTier, options.sizeLimits),
      ),
    ),
  );
  let kept = false;
  try {
    const fields = await readFields(ctx, sink);
    onlyKnown(fields, [
      "media",
      "media_category",
      "media_type",
      "shared",
      "additional_owners",
    ]);
    if (fields.media === undefined)
      invalid("The `media` field is missing", "media", "");
    const category = oneOf(
      fields.media_category,
      ONE_SHOT_CATEGORIES,
      "media_category",
    );
    const mediaType =
      fields.media_type === undefined
        ? sniffed(sink.head)
        : oneOf(fields.media_type, ONE_SHOT_MEDIA_TYPES, "media_type");
    if (!typeFitsCategory(mediaType, category))
      invalid(
        `media_type ${mediaType} does not fit media_category ${category}`,
        "media_category",
        category,
      );
    const kind = kindOf(category, mediaType);
    const limit = sizeLimitOf(
      category,
      kind,
      options.accountTier,
      options.sizeLimits,
    );
    if (sink.bytes > limit)
      invalid(
        `File size exceeds ${limit} bytes.`,
        "media",
        `${sink.bytes} bytes`,
      );
    const session = store.add({
      kind,
      mediaCategory: category,
      mediaType,
      totalBytes: sink.bytes,
      additionalOwners: userIds(fields.additional_owners, "additional_owners"),
      shared: optionalBoolean(fields.shared, "shared") ?? false,
      expiresAt: Date.now() + options.expiresAfterMs,
      keyPrefix: mediaKeyPrefix(category, kind),
    });
    ctx.record.mediaId = session.id;
    const file = await sink.close();
    kept = true;
    store.countAttempt(session, 0);
    if (file) await store.commitSegment(session, 0, file, sink.bytes);
    await completeUpload(ctx.state, session).catch(async (error: unknown) => {
      await store.remove(session);
      throw error;
    });
    return jsonAnswer(200, mediaBody(session, ctx.state, "processed"));
  } finally {
    if (!kept) await sink.discard();
  }
};

function sniffed(head: Buffer): OneShotType {
  const type = sniffMediaType(head);
  if (type && (ONE_SHOT_MEDIA_TYPES as readonly string[]).includes(type))
    return type as OneShotType;
  return invalid(
    "The `media_type` field is missing and the bytes are no recognizable image or subtitles file",
    "media_type",
    "",
  );
}
