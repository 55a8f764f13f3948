// acknowledge(): X's 2xx for a segment lands once, in order, whatever order the answers come in.
import { describe, expect, test } from "@jest/globals";
import {
  acknowledge,
  newSession,
  type UploadSession,
} from "../../src/engine/session.js";

function withAcked(acked: number[]): UploadSession {
  const s = newSession({
    mediaType: "video/mp4",
    mediaCategory: undefined,
    size: 10,
    segmentBytes: 1,
    segmentCount: 10,
  });
  s.acked = [...acked];
  return s;
}

function after(acked: number[], index: number): number[] {
  const s = withAcked(acked);
  acknowledge(s, index);
  return s.acked;
}

describe("acknowledge", () => {
  test("the first ack of an empty session", () => {
    expect(after([], 0)).toEqual([0]);
    expect(after([], 4)).toEqual([4]);
  });

  test("an ack past the last one is appended", () => {
    expect(after([1, 3], 5)).toEqual([1, 3, 5]);
    expect(after([1, 3], 4)).toEqual([1, 3, 4]);
  });

  test("an ack between two is inserted in order", () => {
    expect(after([1, 3], 2)).toEqual([1, 2, 3]);
    expect(after([0, 1, 5, 6], 3)).toEqual([0, 1, 3, 5, 6]);
  });

  test("an ack before the first is put first", () => {
    expect(after([1, 3], 0)).toEqual([0, 1, 3]);
    expect(after([2, 3, 4], 1)).toEqual([1, 2, 3, 4]);
  });

  test("an ack already recorded changes nothing (last, first, middle)", () => {
    expect(after([1, 3], 3)).toEqual([1, 3]);
    expect(after([1, 3], 1)).toEqual([1, 3]);
    expect(after([1, 2, 3], 2)).toEqual([1, 2, 3]);
    expect(after([0], 0)).toEqual([0]);
  });

  test("answers in any order end sorted with each index once", () => {
    const s = withAcked([]);
    for (const i of [4, 0, 2, 4, 1, 3, 0, 2]) acknowledge(s, i);
    expect(s.acked).toEqual([0, 1, 2, 3, 4]);
  });

  test("mutates the session's own array, other fields untouched", () => {
    const s = withAcked([2]);
    const array = s.acked;
    acknowledge(s, 1);
    expect(s.acked).toBe(array);
    expect(s).toEqual({
      version: 1,
      phase: "new",
      mediaId: undefined,
      mediaKey: undefined,
      mediaType: "video/mp4",
      mediaCategory: undefined,
      size: 10,
      segmentBytes: 1,
      segmentCount: 10,
      acked: [1, 2],
      expiresAt: undefined,
    });
  });
});
