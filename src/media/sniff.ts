// Tells a file's media_type from its first bytes (magic numbers), with its name as a fallback.
import { isMediaType, MEDIA_TYPES, type MediaType } from "./types.js";

/** How many leading bytes {@link sniffMediaType} wants: room for 21 MPEG-TS packets, an ftyp box and a ZIP entry name. */
export const SNIFF_BYTES = 4096;

const latin1 = (b: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...b.subarray(start, end));
const has = (b: Uint8Array, magic: string, at = 0): boolean =>
  latin1(b, at, at + magic.length) === magic;
const u32 = (b: Uint8Array, at: number, littleEndian = false): number =>
  new DataView(b.buffer, b.byteOffset, b.byteLength).getUint32(
    at,
    littleEndian,
  );

// BMP: the DIB header size at offset 14 names the header version (BITMAPCOREHEADER 12 … BITMAPV5HEADER 124).
const bmp = (b: Uint8Array): boolean =>
  has(b, "BM") &&
  b.length >= 18 &&
  [12, 40, 52, 56, 64, 108, 124].includes(u32(b, 14, true));

// USDZ is a ZIP whose first entry is the root USD layer (openusd.org/release/spec_usdz.html).
const usdz = (b: Uint8Array): boolean =>
  has(b, "PK\x03\x04") &&
  b.length >= 30 &&
  /\.usd[ac]?$/i.test(latin1(b, 30, 30 + (b[26] ?? 0) + ((b[27] ?? 0) << 8)));

// MPEG-TS is 188-byte packets, each opening with sync byte 0x47 (ISO/IEC 13818-1 §2.4.3.2); a lone "G" is not enough.
function mpegTs(b: Uint8Array): boolean {
  if (b.length < 188) return false;
  for (let at = 0; at < b.length; at += 188) if (b[at] !== 0x47) return false;
  return true;
}

type Vint = { len: number; value: number };

// EBML variable-size integer: the leading zero bits of the first byte give its length (RFC 8794 §4).
function vint(b: Uint8Array, at: number): Vint | undefined {
  const first = b[at] ?? 0;
  const len = Math.clz32(first) - 23;
  if (len > 8) return undefined;
  let value = first & (0xff >> len);
  for (let i = 1; i < len; i++) value = value * 256 + (b[at + i] ?? 0);
  return { len, value };
}

// WebM is EBML whose DocType (element 0x4282, RFC 8794 §11.2.6) is "webm"; Matroska says "matroska".
function webm(b: Uint8Array): boolean {
  const header = has(b, "\x1a\x45\xdf\xa3") ? vint(b, 4) : undefined;
  if (!header) return false;
  const end = Math.min(b.length, 4 + header.len + header.value);
  for (let at = 4 + header.len; at < end;) {
    const id = vint(b, at);
    const size = id && vint(b, at + id.len);
    if (!id || !size) return false;
    const data = at + id.len + size.len;
    if (id.len === 2 && has(b, "\x42\x82", at))
      return latin1(b, data, data + size.value).replace(/\0+$/, "") === "webm";
    at = data + size.value;
  }
  return false;
}

// ISO-BMFF ftyp box: size, "ftyp", major brand, minor version, compatible brands (ISO/IEC 14496-12 §4.3).
const MP4_BRANDS =
  /^(isom|iso\d|mp4[12]|mp71|avc1|M4V[ HP]|dash|cmf[c2]|msdh|msix|mmp4|MSNV|NDAS|XAVC|f4v )$/;
// HEIF/AVIF stills share the box layout; their brands must not fall through to video/mp4.
const STILL_BRANDS = /^(avif|avis|hei[cxms]|hev[cx]|mif1|msf1)$/;
// QuickTime does not require ftyp, so older .mov files open straight with one of these atoms.
const QT_ATOMS = new Set(["moov", "mdat", "wide", "free", "skip", "pnot"]);

function isoBmff(b: Uint8Array): MediaType | undefined {
  const box = b.length >= 16 ? latin1(b, 4, 8) : "";
  if (QT_ATOMS.has(box)) return "video/quicktime";
  if (box !== "ftyp") return undefined;
  const major = latin1(b, 8, 12);
  if (major === "qt  ") return "video/quicktime";
  if (STILL_BRANDS.test(major)) return undefined;
  const brands = [major];
  for (let at = 16; at + 4 <= Math.min(u32(b, 0), b.length); at += 4)
    brands.push(latin1(b, at, at + 4));
  if (brands.some((brand) => MP4_BRANDS.test(brand))) return "video/mp4";
  return brands.includes("qt  ") ? "video/quicktime" : undefined;
}

// TextDecoder drops a UTF-8 BOM. WebVTT: "WEBVTT" then space, tab, line break or end (w3.org/TR/webvtt1 §4.1).
const VTT = /^WEBVTT(?:[ \t\r\n]|$)/;
// SubRip cue: index line, then "hh:mm:ss,mmm --> hh:mm:ss,mmm" (some tools write "." for ",").
const SRT =
  /^\s*\d+[ \t]*\r?\n\d+:\d{2}:\d{2}[,.]\d{3}[ \t]+-->[ \t]+\d+:\d{2}:\d{2}[,.]\d{3}/;

const SIGNATURES: ReadonlyArray<
  readonly [MediaType, (b: Uint8Array) => boolean]
> = [
  ["image/png", (b) => has(b, "\x89PNG\r\n\x1a\n")],
  ["image/jpeg", (b) => has(b, "\xff\xd8\xff")],
  ["image/gif", (b) => has(b, "GIF87a") || has(b, "GIF89a")],
  ["image/webp", (b) => has(b, "RIFF") && has(b, "WEBP", 8)],
  ["image/tiff", (b) => has(b, "II*\0") || has(b, "MM\0*")],
  ["image/bmp", bmp],
  ["model/gltf-binary", (b) => has(b, "glTF")],
  ["model/vnd.usdz+zip", usdz],
  ["video/webm", webm],
  ["video/mp2t", mpegTs],
];

/** The media type a file's first bytes look like, or `undefined`; progressive JPEG reads as `image/jpeg` too. */
export function sniffMediaType(head: Uint8Array): MediaType | undefined {
  for (const [mediaType, matches] of SIGNATURES)
    if (matches(head)) return mediaType;
  const boxed = isoBmff(head);
  if (boxed) return boxed;
  const text = new TextDecoder().decode(head);
  return VTT.test(text) ? "text/vtt" : SRT.test(text) ? "text/srt" : undefined;
}

const EXTENSION_LISTS: Readonly<Record<MediaType, readonly string[]>> = {
  "video/mp4": ["mp4", "m4v"],
  "video/webm": ["webm"],
  "video/mp2t": ["ts"],
  "video/quicktime": ["mov", "qt"],
  "text/srt": ["srt"],
  "text/vtt": ["vtt"],
  "image/jpeg": ["jpg", "jpeg", "jpe", "jfif"],
  "image/gif": ["gif"],
  "image/bmp": ["bmp", "dib"],
  "image/png": ["png"],
  "image/webp": ["webp"],
  "image/pjpeg": ["pjpeg", "pjp"],
  "image/tiff": ["tif", "tiff"],
  "model/gltf-binary": ["glb"],
  "model/vnd.usdz+zip": ["usdz"],
};
const EXTENSIONS = new Map(
  Object.entries(EXTENSION_LISTS).flatMap(([type, exts]) =>
    exts.map((ext) => [ext, type as MediaType] as const),
  ),
);

/** The media type a path or file name's extension implies (case-insensitive), or `undefined`. */
export function mediaTypeFromExtension(
  pathOrName: string,
): MediaType | undefined {
  const name = pathOrName.slice(
    Math.max(pathOrName.lastIndexOf("/"), pathOrName.lastIndexOf("\\")) + 1,
  );
  const dot = name.lastIndexOf(".");
  return dot > 0
    ? EXTENSIONS.get(name.slice(dot + 1).toLowerCase())
    : undefined;
}

/** Input to {@link resolveMediaType}. */
export interface ResolveMediaTypeInput {
  /** The file's first bytes ({@link SNIFF_BYTES} of them, or all of a smaller file). */
  head: Uint8Array;
  /** File name or path, used only when the bytes say nothing. */
  fileName?: string | undefined;
  /** The caller's `mediaType`; wins unless the bytes contradict it. */
  declared?: MediaType | undefined;
  /** Keep `declared` even when the bytes look like another type. */
  force?: boolean | undefined;
}

/** Where a resolved media type came from. */
export type MediaTypeSource = "declared" | "sniffed" | "extension";

/** The outcome of {@link resolveMediaType}: a media type and its source, or a sentence saying what to fix. */
export type MediaTypeResolution =
  | {
      readonly ok: true;
      readonly mediaType: MediaType;
      readonly source: MediaTypeSource;
    }
  | { readonly ok: false; readonly reason: string };

// image/pjpeg is the legacy name for progressive JPEG; the magic bytes are the same as image/jpeg's.
const agree = (a: MediaType, b: MediaType): boolean =>
  a === b || (a.endsWith("jpeg") && b.endsWith("jpeg"));

/** Picks the media type to send: declared (unless the bytes contradict it), else sniffed, else from the extension. */
export function resolveMediaType(
  input: ResolveMediaTypeInput,
): MediaTypeResolution {
  const { head, fileName, declared, force = false } = input;
  const sniffed = sniffMediaType(head);
  const known = MEDIA_TYPES.join(", ");
  if (declared !== undefined) {
    if (!isMediaType(declared))
      return {
        ok: false,
        reason: `mediaType '${String(declared)}' is not one X accepts; pass one of ${known}.`,
      };
    if (sniffed === undefined || force || agree(declared, sniffed))
      return { ok: true, mediaType: declared, source: "declared" };
    return {
      ok: false,
      reason: `The bytes look like ${sniffed} but mediaType '${declared}' was given; pass the right mediaType or forceMediaType: true.`,
    };
  }
  if (sniffed) return { ok: true, mediaType: sniffed, source: "sniffed" };
  const fromName =
    fileName === undefined ? undefined : mediaTypeFromExtension(fileName);
  if (fromName) return { ok: true, mediaType: fromName, source: "extension" };
  const named = fileName === undefined ? "" : ` or its name '${fileName}'`;
  return {
    ok: false,
    reason: `Could not tell the media type from the file's first bytes${named}; pass mediaType (one of ${known}).`,
  };
}
