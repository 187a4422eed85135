import { describe, expect, it } from "vitest";
import { toInt32 } from "./face-model";

describe("toInt32 (the face model's reused input pixels)", () => {
  it("holds exactly the bytes of each call, whether the array grows or is reused for fewer pixels", () => {
    const big = Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 255);
    expect(Array.from(toInt32(big))).toEqual(Array.from(big));
    const small = Uint8Array.from({ length: 120 }, (_, i) => 255 - ((i * 13) & 255));
    const out = toInt32(small);
    expect(out.length).toBe(120);
    expect(Array.from(out)).toEqual(Array.from(small));
    const bigger = Uint8Array.from({ length: 900 }, (_, i) => (i * 101) & 255);
    expect(Array.from(toInt32(bigger))).toEqual(Array.from(bigger));
  });
});
