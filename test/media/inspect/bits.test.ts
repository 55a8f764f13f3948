// BitReader: fixed-width reads most significant bit first, Exp-Golomb codes, and reading past the end.
import { describe, expect, test } from "@jest/globals";
import { BitReader } from "../../../src/media/inspect/bits.js";
import { bitFields } from "./fixtures.js";

describe("bits(n)", () => {
  test("reads across byte boundaries, most significant bit first", () => {
    const r = new BitReader(Uint8Array.from([0b1011_0010, 0b0111_1100]));
    expect(r.left).toBe(16);
    expect(r.bits(3)).toBe(0b101);
    expect(r.left).toBe(13);
    expect(r.bits(7)).toBe(0b1_0010_01);
    expect(r.left).toBe(6);
    expect(r.bits(0)).toBe(0);
    expect(r.bits(6)).toBe(0b11_1100);
    expect(r.left).toBe(0);
  });

  test("32 bits at once", () => {
    const r = new BitReader(Uint8Array.from([0xff, 0xfe, 0x80, 0x01]));
    expect(r.bits(32)).toBe(0xfffe8001);
  });

  test("the last bit can be read; one more throws", () => {
    const r = new BitReader(Uint8Array.from([0x01]));
    expect(r.bits(7)).toBe(0);
    expect(r.bits(1)).toBe(1);
    expect(() => r.bits(1)).toThrow(new RangeError("read past the end"));
  });

  test("asking for more than is left throws and reads nothing", () => {
    const r = new BitReader(Uint8Array.from([0xa5]));
    expect(() => r.bits(9)).toThrow(RangeError);
    expect(r.left).toBe(8);
    expect(r.bits(8)).toBe(0xa5);
  });

  test("an empty buffer has nothing left", () => {
    const r = new BitReader(new Uint8Array());
    expect(r.left).toBe(0);
    expect(() => r.bits(1)).toThrow("read past the end");
  });
});

describe("ue() (H.264 §9.1)", () => {
  test.each([
    ["1", 0],
    ["010", 1],
    ["011", 2],
    ["00100", 3],
    ["00111", 6],
    ["0001000", 7],
    ["000010011", 18],
  ] as const)("%s is %i", (code, value) => {
    const r = new BitReader(bitFields([parseInt(code, 2), code.length]));
    expect(r.ue()).toBe(value);
    expect(r.left % 8).toBe((8 - (code.length % 8)) % 8);
  });

  test("consecutive codes", () => {
    // 1 | 010 | 011 | 00100 → 0, 1, 2, 3
    const r = new BitReader(
      bitFields([1, 1], [0b010, 3], [0b011, 3], [0b00100, 5]),
    );
    expect([r.ue(), r.ue(), r.ue(), r.ue()]).toEqual([0, 1, 2, 3]);
    expect(r.left).toBe(4);
  });

  test("31 leading zeros is the longest code", () => {
    const r = new BitReader(bitFields([0, 31], [1, 1], [5, 31]));
    expect(r.ue()).toBe(2 ** 31 - 1 + 5);
  });

  test("32 leading zeros throws, even when bits follow", () => {
    const r = new BitReader(bitFields([0, 32], [1, 1], [0, 32]));
    expect(() => r.ue()).toThrow(new RangeError("Exp-Golomb code too long"));
  });

  test("a code cut short throws RangeError", () => {
    expect(() => new BitReader(Uint8Array.from([0x00])).ue()).toThrow(
      new RangeError("read past the end"),
    );
    // 0000000 1, then none of its 7 suffix bits
    expect(() => new BitReader(Uint8Array.from([0x01])).ue()).toThrow(
      new RangeError("read past the end"),
    );
    // 0000 1, then 3 of its 4 suffix bits
    const r = new BitReader(Uint8Array.from([0b0000_1000]));
    expect(() => r.ue()).toThrow(new RangeError("read past the end"));
  });
});
