// POST /2/media/upload/initialize: checks the JSON body and opens an upload session.
import { jsonAnswer } from "../answer.js";
import {
  INIT_CATEGORIES,
  INIT_MEDIA_TYPES,
  defaultCategory,
  kindOf,
  mediaKeyPrefix,
  sizeLimitOf,
  typeFitsCategory,
} from "../categories.js";
import type { Handler } from "../context.js";
import type { OkBody } from "../responses.js";
import { expiresAfterSecs } from "../responses.js";
import {
  invalid,
  oneOf,
  onlyKnown,
  optionalBoolean,
  readJsonObject,
  userIds,
} from "../validation.js";

// MediaUploadConfigRequest.total_bytes.maximum in the spec (16 GiB).
const MAX_TOTAL_BYTES = 17_179_869_184;

/** initializeMediaUpload */
export const initialize: Handler = async (ctx) => {
  const body = await readJsonObject(ctx);
  onlyKnown(body, [
    "media_type",
    "total_bytes",
    "media_category",
    "additional_owners",
    "shared",
  ]);
  const mediaType = oneOf(body.media_type, INIT_MEDIA_TYPES, "media_type");
  const total = body.total_bytes;
  if (
    typeof total !== "number" ||
    !Number.isInteger(total) ||
    total < 0 ||
    total > MAX_TOTAL_BYTES
  ) {
    invalid(
      `The \`total_bytes\` value must be an integer from 0 to ${MAX_TOTAL_BYTES}`,
      "total_bytes",
      total,
    );
  }
  const given =
    body.media_category === undefined
      ? undefined
      : oneOf(body.media_category, INIT_CATEGORIES, "media_category");
  if (given !== undefined && !typeFitsCategory(mediaType, given)) {
    invalid(
      `media_type ${mediaType} does not fit media_category ${given}`,
      "media_category",
      given,
    );
  }
  const category = given ?? defaultCategory(mediaType);
  const kind = kindOf(category, mediaType);
  const { accountTier, sizeLimits } = ctx.state.options;
  const limit = sizeLimitOf(category, kind, accountTier, sizeLimits);
  if (total > limit)
    invalid(`File size exceeds ${limit} bytes.`, "total_bytes", total);
  const additionalOwners = userIds(body.additional_owners, "additional_owners");
  const shared = optionalBoolean(body.shared, "shared") ?? false;

  const { store, options } = ctx.state;
  void store.sweep();
  const session = store.add({
    kind,
    mediaCategory: category,
    mediaType,
    totalBytes: total,
    additionalOwners,
    shared,
    expiresAt: Date.now() + options.expiresAfterMs,
    keyPrefix: mediaKeyPrefix(category, kind),
  });
  ctx.record.mediaId = session.id;
  const answer: OkBody<"initializeMediaUpload"> = {
    data: {
      id: session.id,
      media_key: session.mediaKey,
      expires_after_secs: expiresAfterSecs(session),
    },
  };
  return jsonAnswer(200, answer);
};
