// Every place where the fake (like X itself) departs from X's published OpenAPI spec, as data with the reason.
// test/testing/contract.test.ts validates the fake's answers against the upstream extract
// (openapi/x-media.openapi.json) and accepts a validator error only if an entry here explains it.
// scripts/patches.ts fixes the first three in the generated types.
import { FAKE_OPERATIONS, type FakeOperation } from "./types.js";

/** A validator error an answer shows, in Ajv terms (`instancePath`, `keyword`, `params.missingProperty`). */
export interface DeviationMatch {
  instancePath: string;
  keyword: string;
  missingProperty?: string;
}

/** One deliberate departure from the spec. */
export type Deviation = {
  id: string;
  operations: readonly FakeOperation[];
  /** What X does instead of what the spec says, with the evidence. */
  why: string;
} & (
  | {
      /** The answer fails the spec's schema in the ways `matches` lists. */
      kind: "response-violates-spec";
      /** Which content type's schema. */
      contentType: "application/json" | "application/problem+json";
      matches: readonly DeviationMatch[];
    }
  | {
      /** The answer carries something the spec does not describe (allowed by its schema). */ kind: "response-beyond-spec";
    }
  | {
      /** The spec accepts `example` as the request body; X (and the fake) answer it 400. */
      kind: "request-stricter-than-spec";
      example: Readonly<Record<string, unknown>>;
    }
);

const UPLOAD_ANSWERS: readonly FakeOperation[] = [
  "initializeMediaUpload",
  "appendMediaUpload",
  "finalizeMediaUpload",
  "getMediaUploadStatus",
  "mediaUpload",
];
const MEDIA_ID = "1146654567674912769";

/** The deviations, checked by the contract test. */
export const DEVIATIONS: readonly Deviation[] = [
  {
    id: "response-required-meta",
    kind: "response-violates-spec",
    operations: UPLOAD_ANSWERS,
    contentType: "application/json",
    matches: [
      { instancePath: "", keyword: "required", missingProperty: "meta" },
    ],
    why: "MediaUploadResponse and MediaUploadAppendResponse require `meta` but define no such property; X sends none.",
  },
  {
    id: "processing-info-required-type",
    kind: "response-violates-spec",
    operations: ["finalizeMediaUpload", "getMediaUploadStatus", "mediaUpload"],
    contentType: "application/json",
    matches: [
      {
        instancePath: "/data/processing_info",
        keyword: "required",
        missingProperty: "type",
      },
    ],
    why: "ProcessingInfo requires `type`, which it does not define; X sends state, check_after_secs, progress_percent.",
  },
  {
    id: "legacy-error-envelope",
    kind: "response-violates-spec",
    operations: FAKE_OPERATIONS,
    contentType: "application/json",
    matches: [
      { instancePath: "", keyword: "required", missingProperty: "code" },
      { instancePath: "", keyword: "required", missingProperty: "message" },
    ],
    why: "The spec's application/json error is a bare `{code, message}`; X's edge answers 500/503 (and unknown routes) as `{errors: [{message, code}]}` (130 Over capacity, 131 Internal error).",
  },
  {
    id: "problem-type-unmapped",
    kind: "response-violates-spec",
    operations: FAKE_OPERATIONS,
    contentType: "application/problem+json",
    matches: [{ instancePath: "/type", keyword: "discriminator" }],
    why: "Since 2.167 the Problem discriminator maps only `https://api.x.com/2/problems/*`; X answers `https://api.twitter.com/2/problems/*` and, for 401/403/413/429, RFC 7807 `about:blank` (mapped to GenericProblem up to 2.159).",
  },
  {
    id: "processing-info-error-closed",
    kind: "response-violates-spec",
    operations: ["finalizeMediaUpload", "getMediaUploadStatus", "mediaUpload"],
    contentType: "application/json",
    matches: [
      {
        instancePath: "/data/processing_info",
        keyword: "additionalProperties",
      },
    ],
    why: "Since 2.167 `processing_info` has `additionalProperties: false` and still no `error`, which X sends on failure (patch processing-info-error).",
  },
  {
    id: "subtitles-associated-list",
    kind: "response-violates-spec",
    operations: ["createMediaSubtitles"],
    contentType: "application/json",
    matches: [{ instancePath: "/data/associated_subtitles", keyword: "type" }],
    why: "Since 2.167 `associated_subtitles` is a bare object; X answers the list of tracks 2.159 declared (patch subtitles-associated-list).",
  },
  {
    id: "processing-info-error",
    kind: "response-beyond-spec",
    operations: ["getMediaUploadStatus", "finalizeMediaUpload"],
    why: "On failure X adds `processing_info.error: {code, name, message}` (e.g. 1 InvalidMedia), which the spec omits (docs.x.com media upload guide).",
  },
  {
    id: "rate-limit-headers",
    kind: "response-beyond-spec",
    operations: FAKE_OPERATIONS,
    why: "Every answer carries x-rate-limit-limit/-remaining/-reset (epoch seconds), which the spec does not declare (docs.x.com rate limits).",
  },
  {
    id: "initialize-requires-type-and-size",
    kind: "request-stricter-than-spec",
    operations: ["initializeMediaUpload"],
    example: { media_category: "tweet_image" },
    why: "MediaUploadConfigRequest marks nothing required, but X needs media_type and total_bytes to open a session.",
  },
  {
    id: "subtitles-require-fields",
    kind: "request-stricter-than-spec",
    operations: ["createMediaSubtitles"],
    example: { id: MEDIA_ID, media_category: "TweetVideo" },
    why: "SubtitlesCreateRequest marks nothing required; without media_category and subtitles {id, language_code} there is nothing to attach.",
  },
  {
    id: "subtitles-delete-require-fields",
    kind: "request-stricter-than-spec",
    operations: ["deleteMediaSubtitles"],
    example: { id: MEDIA_ID },
    why: "SubtitlesDeleteRequest marks nothing required; without language_code and media_category there is nothing to delete.",
  },
  {
    id: "metadata-known-keys",
    kind: "request-stricter-than-spec",
    operations: ["createMediaMetadata"],
    example: { id: MEDIA_ID, metadata: { alt_txt: { text: "typo" } } },
    why: "The spec's metadata object allows unknown keys; the fake rejects them so a typo (alt_txt) fails loudly instead of being dropped.",
  },
];
