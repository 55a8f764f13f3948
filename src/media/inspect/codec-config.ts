// Video profile and pixel format from the codec configuration boxes: H.264 avcC (its SPS, ITU-T H.264
// §7.3.2.1.1) and HEVC hvcC (ISO/IEC 14496-15 §8.3.3.1).
import { BitReader } from "./bits.js";

/** A video codec's profile name and pixel format, each when known. */
export interface VideoFormat {
  profile: string | undefined;
  pixelFormat: string | undefined;
}

// profile_idc values (H.264 Annex A.2).
const AVC_PROFILES: Readonly<Record<number, string>> = {
  66: "Baseline",
  77: "Main",
  88: "Extended",
  100: "High",
  110: "High 10",
  122: "High 4:2:2",
  244: "High 4:4:4 Predictive",
  44: "CAVLC 4:4:4 Intra",
};
// Profiles whose SPS carries chroma_format_idc and bit depths; all others are 8-bit 4:2:0.
const AVC_CHROMA_PROFILES = new Set([
  100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135,
]);
const HEVC_PROFILES: Readonly<Record<number, string>> = {
  1: "Main",
  2: "Main 10",
  3: "Main Still Picture",
  4: "Range Extensions",
};

/** `yuv420p`, `yuv420p10`, `yuv422p`, `yuv444p`, `gray` (ffmpeg's names) from chroma_format_idc and bit depth. */
export function pixelFormatName(chroma: number, bitDepth: number): string {
  const base = ["gray", "yuv420p", "yuv422p", "yuv444p"][chroma] ?? "unknown";
  return bitDepth > 8 ? `${base}${bitDepth}` : base;
}

/** Profile and pixel format of H.264 from avcC's profile byte and first SPS (a NAL unit with its header byte). */
export function avcFormat(
  profileIdc: number,
  sps: Uint8Array | undefined,
): VideoFormat {
  const constrained = profileIdc === 66 && ((sps?.[2] ?? 0) & 0x40) !== 0;
  const profile = constrained
    ? "Constrained Baseline"
    : AVC_PROFILES[profileIdc];
  if (!AVC_CHROMA_PROFILES.has(profileIdc)) {
    return { profile, pixelFormat: "yuv420p" };
  }
  try {
    // Skip the NAL header, profile_idc, constraint flags and level_idc; emulation prevention bytes removed first.
    const r = new BitReader(unescapeRbsp(sps ?? new Uint8Array()).subarray(4));
    r.ue(); // seq_parameter_set_id
    const chroma = r.ue();
    if (chroma === 3) r.bits(1); // separate_colour_plane_flag
    const bitDepth = r.ue() + 8;
    return { profile, pixelFormat: pixelFormatName(chroma, bitDepth) };
  } catch {
    return { profile, pixelFormat: undefined };
  }
}

/** Profile and pixel format of HEVC from hvcC's fields. */
export function hevcFormat(hvcc: {
  general_profile_idc: number;
  chroma_format_idc: number;
  bit_depth_luma_minus8: number;
}): VideoFormat {
  return {
    profile: HEVC_PROFILES[hvcc.general_profile_idc],
    pixelFormat: pixelFormatName(
      hvcc.chroma_format_idc,
      hvcc.bit_depth_luma_minus8 + 8,
    ),
  };
}

// 0x000003 → 0x0000 (H.264 §7.4.1), over the first 64 bytes: the fields read sit at the start.
function unescapeRbsp(nal: Uint8Array): Uint8Array {
  const out: number[] = [];
  let zeros = 0;
  for (const byte of nal.subarray(0, 64)) {
    if (byte === 3 && zeros >= 2) {
      zeros = 0;
      continue;
    }
    zeros = byte === 0 ? zeros + 1 : 0;
    out.push(byte);
  }
  return Uint8Array.from(out);
}
