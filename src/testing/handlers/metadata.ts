// POST /2/media/metadata: alt text and other metadata for a finalized media id.
import { jsonAnswer } from "../answer.js";
import type { Handler } from "../context.js";
import type { OkBody } from "../responses.js";
import {
  invalid,
  liveSession,
  onlyKnown,
  readJsonObject,
} from "../validation.js";

// MetadataCreateRequest.metadata properties in the spec.
const METADATA_KEYS = [
  "allow_download_status",
  "alt_text",
  "audience_policy",
  "content_expiration",
  "domain_restrictions",
  "found_media_origin",
  "geo_restrictions",
  "management_info",
  "preview_image",
  "sensitive_media_warning",
  "shared_info",
  "sticker_info",
  "upload_source",
];

// AltText.text maxLength in the spec ("<= 1000 characters").
const ALT_TEXT_MAX = 1000;

/** createMediaMetadata */
export const metadata: Handler = async (ctx) => {
  const body = await readJsonObject(ctx);
  onlyKnown(body, ["id", "metadata"]);
  const session = await liveSession(ctx, body.id, "id");
  if (session.finalizedAt === undefined)
    invalid(
      `Media id ${session.id} is not finalized yet; add metadata after FINALIZE.`,
      "id",
      session.id,
    );
  const given = body.metadata ?? {};
  if (typeof given !== "object" || given === null || Array.isArray(given))
    invalid("The `metadata` value must be an object", "metadata", given);
  const entries = Object.entries(given as Record<string, unknown>);
  for (const [key, value] of entries) {
    if (!METADATA_KEYS.includes(key))
      invalid(`Unknown metadata property \`${key}\``, `metadata.${key}`, key);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      invalid(
        `The \`metadata.${key}\` value must be an object`,
        `metadata.${key}`,
        value,
      );
  }
  const alt = (given as { alt_text?: { text?: unknown } }).alt_text;
  if (alt !== undefined) {
    if (typeof alt.text !== "string")
      invalid(
        "The `metadata.alt_text.text` value must be a string",
        "metadata.alt_text.text",
        alt.text,
      );
    // JSON Schema maxLength counts code points, not UTF-16 units.
    const length = [...alt.text].length;
    if (length > ALT_TEXT_MAX)
      invalid(
        `Alt text must be at most ${ALT_TEXT_MAX} characters, got ${length}.`,
        "metadata.alt_text.text",
        `${length} characters`,
      );
  }
  Object.assign(session.metadata, structuredClone(given));
  const answer: OkBody<"createMediaMetadata"> = {
    data: {
      id: session.id,
      associated_metadata: structuredClone(session.metadata),
    },
  };
  return jsonAnswer(200, answer);
};
