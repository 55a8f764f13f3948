// Cursor: a 256 KiB window loaded on demand, what it counts as read, and its byte accessors.
import { describe, expect, test } from "@jest/globals";
import { Cursor } from "../../../src/media/inspect/cursor.js";
import { bytesReader } from "./fixtures.js";

const KiB = 1024;
// Byte i is i mod 251 (a prime, so windows at different offsets differ).
const counting = (n: number) =>
  Uint8Array.from({ length: n }, (_, i) => i % 251);

describe("need(n)", () => {
  test("loads a 256 KiB window from the position and serves from it until the position leaves it", async () => {
    const reader = bytesReader(counting(600 * KiB));
    const c = new Cursor(reader);
    expect(await c.need(1)).toBe(true);
    expect(reader.reads).toEqual([[0, 256 * KiB]]);
    expect(c.bytesRead).toBe(256 * KiB);
    expect(await c.need(256 * KiB)).toBe(true);
    expect(reader.reads).toHaveLength(1);
    // The last byte of the window, and the last n bytes, are still in it.
    c.position = 256 * KiB - 4;
    expect(await c.need(4)).toBe(true);
    expect(reader.reads).toHaveLength(1);
    expect(c.peek()).toBe((256 * KiB - 4) % 251);
    // One byte more is not.
    expect(await c.need(5)).toBe(true);
    expect(reader.reads).toEqual([
      [0, 256 * KiB],
      [256 * KiB - 4, 512 * KiB - 4],
    ]);
    expect(c.bytesRead).toBe(512 * KiB);
    expect(c.peek(4)).toBe((256 * KiB) % 251);
    // At the new window's start, and further in it: no read.
    expect(await c.need(1)).toBe(true);
    c.position += 1000;
    expect(await c.need(1000)).toBe(true);
    expect(reader.reads).toHaveLength(2);
    expect(c.u8()).toBe((256 * KiB - 4 + 1000) % 251);
  });

  test("a window stops at the end of the file", async () => {
    const reader = bytesReader(counting(300 * KiB));
    const c = new Cursor(reader);
    c.position = 100 * KiB;
    expect(await c.need(10)).toBe(true);
    expect(reader.reads).toEqual([[100 * KiB, 300 * KiB]]);
    expect(c.bytesRead).toBe(200 * KiB);
  });

  test("a need larger than the window loads all of it", async () => {
    const reader = bytesReader(counting(600 * KiB));
    const c = new Cursor(reader);
    c.position = 10;
    expect(await c.need(300 * KiB)).toBe(true);
    expect(reader.reads).toEqual([[10, 10 + 300 * KiB]]);
  });

  test("going back before the window reloads from the new position", async () => {
    const reader = bytesReader(counting(1000));
    const c = new Cursor(reader);
    c.position = 500;
    await c.need(1);
    c.position = 499;
    expect(await c.need(1)).toBe(true);
    expect(reader.reads).toEqual([
      [500, 1000],
      [499, 1000],
    ]);
    expect(c.peek()).toBe(499 % 251);
    expect(c.bytesRead).toBe(1001);
  });

  test("exactly to the end is there; one byte past is not, and nothing is read", async () => {
    const reader = bytesReader(counting(100));
    const c = new Cursor(reader);
    c.position = 90;
    expect(await c.need(11)).toBe(false);
    expect(reader.reads).toEqual([]);
    expect(c.bytesRead).toBe(0);
    expect(await c.need(10)).toBe(true);
    expect(reader.reads).toEqual([[90, 100]]);
    c.position = 100;
    expect(await c.need(0)).toBe(true);
    expect(await c.need(1)).toBe(false);
  });

  test("a reader returning fewer bytes than asked is not enough", async () => {
    const bytes = counting(100);
    const c = new Cursor({
      size: 100,
      read: async (start, end) => bytes.slice(start, Math.min(end, start + 5)),
    });
    expect(await c.need(5)).toBe(true);
    const short = new Cursor({
      size: 100,
      read: async (start, end) => bytes.slice(start, Math.min(end, start + 4)),
    });
    expect(await short.need(5)).toBe(false);
    expect(short.bytesRead).toBe(4);
  });
});

describe("byte accessors", () => {
  test("peek, u8 and u16 in both byte orders, relative to the position", async () => {
    const c = new Cursor(
      bytesReader(Uint8Array.from([0x10, 0x20, 0x30, 0x40, 0x50])),
    );
    c.position = 1;
    await c.need(4);
    expect(c.peek()).toBe(0x20);
    expect(c.peek(2)).toBe(0x40);
    expect(c.u16(1, true)).toBe(0x4030);
    expect(c.u16(1, false)).toBe(0x3040);
    expect(c.u8()).toBe(0x20);
    expect(c.position).toBe(2);
    expect(c.u8()).toBe(0x30);
    expect(c.peek()).toBe(0x40);
    expect(c.u16(0, false)).toBe(0x4050);
  });

  test("outside the window, bytes read as 0", () => {
    const c = new Cursor(bytesReader(Uint8Array.from([1, 2, 3])));
    expect(c.peek()).toBe(0);
    expect(c.u8()).toBe(0);
    expect(c.position).toBe(1);
    expect(c.u16(0, true)).toBe(0);
  });
});
