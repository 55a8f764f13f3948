// A big-endian bit reader for codec configuration records (AudioSpecificConfig, H.264 SPS).

/** Reads bits most significant first; reading past the end throws RangeError. */
export class BitReader {
  private position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  /** Bits not yet read. */
  get left(): number {
    return this.bytes.length * 8 - this.position;
  }

  /** The next `count` (≤ 32) bits as an unsigned number. */
  bits(count: number): number {
    if (count > this.left) throw new RangeError("read past the end");
    let value = 0;
    for (let i = 0; i < count; i++) {
      const byte = this.bytes[(this.position >> 3) as number] ?? 0;
      value = value * 2 + ((byte >> (7 - (this.position & 7))) & 1);
      this.position++;
    }
    return value;
  }

  /** An unsigned Exp-Golomb code, ue(v) (H.264 §9.1). */
  ue(): number {
    let zeros = 0;
    while (this.bits(1) === 0) {
      if (++zeros > 31) throw new RangeError("Exp-Golomb code too long");
    }
    return 2 ** zeros - 1 + this.bits(zeros);
  }
}
