// The stored key and fingerprint format: records written by one run must be found (and matched) by the next,
// so the hashes of a keyed input are pinned to literal values.
import { describe, expect, test } from "@jest/globals";
import { resumeIdentity } from "../../../src/engine/resume/fingerprint.js";
import { bytesSource } from "../../../src/engine/source/blob-source.js";

const scope = { origin: "https://api.x.com", identity: "a".repeat(32) };

describe("resumeIdentity: stable format", () => {
  test("a keyed 100 000-byte input: key and fingerprint as every earlier run computed them", async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) & 255);
    expect(
      await resumeIdentity(
        { kind: "key", resumeKey: "clip-1" },
        bytesSource(bytes, undefined),
        scope,
      ),
    ).toEqual({
      key: "794ff5af1d38258c19c74c07d5a415e3",
      fingerprint: "a83501a7c460cb58dcd01516eee7e700",
      source: "clip-1",
    });
  });

  test("empty key, origin, identity and input: still the fixed values", async () => {
    expect(
      await resumeIdentity(
        { kind: "key", resumeKey: "" },
        bytesSource(new Uint8Array(0), undefined),
        { origin: "", identity: "" },
      ),
    ).toEqual({
      key: "d329b31e3f7dffc8b05007b5e4dde962",
      fingerprint: "8ec29bec06eb2593e9d861b09d8e4007",
      source: "",
    });
  });
});
