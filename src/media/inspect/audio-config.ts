// AAC profile and channels from the esds AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), including SBR/PS
// signalled by a sync extension, which mp4box's codec string (first object type only) does not show.
import { BitReader } from "./bits.js";

/** What an AudioSpecificConfig says. */
export interface AacConfig {
  /** The core object type: 2 = AAC LC, 1 Main, 4 LTP, … */
  objectType: number;
  /** `LC`, `HE-AAC`, `HE-AAC v2`, `Main`, … */
  profile: string;
  /** From channelConfiguration; undefined when 0 (a program config element decides). */
  channels: number | undefined;
  sbr: boolean;
  ps: boolean;
}

const NAMES: Readonly<Record<number, string>> = {
  1: "Main",
  2: "LC",
  3: "SSR",
  4: "LTP",
  6: "Scalable",
  23: "LD",
  39: "ELD",
  42: "xHE-AAC",
};
// channelConfiguration 1–7 (§1.6.3.5 Table 1.19); 7 is 7.1, eight channels.
const CHANNELS = [undefined, 1, 2, 3, 4, 5, 6, 8] as const;
// Object types whose config is a GASpecificConfig (§1.6.2.1), the only ones after which a sync extension is read.
const GA = new Set([1, 2, 3, 4, 6, 7, 17, 19, 20, 21, 22, 23]);

const objectType = (r: BitReader): number => {
  const type = r.bits(5);
  return type === 31 ? 32 + r.bits(6) : type;
};
const frequency = (r: BitReader): void => {
  if (r.bits(4) === 0xf) r.bits(24);
};

/** Parses an AudioSpecificConfig; undefined when it is too short or malformed. */
export function parseAacConfig(bytes: Uint8Array): AacConfig | undefined {
  const r = new BitReader(bytes);
  try {
    let type = objectType(r);
    frequency(r);
    const channelConfig = r.bits(4);
    let sbr = false;
    let ps = false;
    // Explicit hierarchical signalling: SBR (5) or PS (29) first, then the core type.
    if (type === 5 || type === 29) {
      sbr = true;
      ps = type === 29;
      frequency(r);
      type = objectType(r);
      if (type === 22) r.bits(4);
    }
    // Backward-compatible explicit signalling: a GASpecificConfig, then sync extension 0x2b7 naming SBR/PS.
    if (!sbr && GA.has(type) && channelConfig !== 0 && skipGaConfig(r, type)) {
      if (r.left >= 16 && r.bits(11) === 0x2b7 && objectType(r) === 5) {
        sbr = r.bits(1) === 1;
        if (sbr) {
          frequency(r);
          if (r.left >= 12 && r.bits(11) === 0x548) ps = r.bits(1) === 1;
        }
      }
    }
    return {
      objectType: type,
      profile: ps
        ? "HE-AAC v2"
        : sbr
          ? "HE-AAC"
          : (NAMES[type] ?? `object type ${type}`),
      channels: CHANNELS[channelConfig],
      sbr,
      ps,
    };
  } catch {
    return undefined;
  }
}

// GASpecificConfig (§4.4.1) for a non-zero channelConfiguration; false when what follows is not read.
function skipGaConfig(r: BitReader, type: number): boolean {
  r.bits(1); // frameLengthFlag
  if (r.bits(1) === 1) r.bits(14); // dependsOnCoreCoder → coreCoderDelay
  const extension = r.bits(1);
  if (type === 6 || type === 20) r.bits(3);
  if (extension === 1) {
    if (type === 22) r.bits(16);
    if (type === 17 || type === 19 || type === 20 || type === 23) r.bits(3);
    r.bits(1);
  }
  // Error-resilient types carry an epConfig; 2 and 3 add a config this parser does not read.
  return [17, 19, 20, 21, 22, 23].includes(type) ? r.bits(2) < 2 : true;
}
