import { describe, expect, it } from "vitest";
import { ScratchArena } from "./scratch-arena";

const backing = (a: ArrayBufferView) => a.buffer;

describe("ScratchArena", () => {
  it("never lends a buffer that is already lent, and lends zeroed views of the length asked", () => {
    const arena = new ScratchArena();
    arena.begin();
    const taken = [arena.float32(1000), arena.float32(1000), arena.float32(10), arena.uint8(1000), arena.uint8(1000)];
    expect(new Set(taken.map(backing)).size).toBe(taken.length);
    expect(taken.map((t) => t.length)).toEqual([1000, 1000, 10, 1000, 1000]);
    taken.forEach((t) => t.fill(7));
    arena.end();

    arena.begin();
    // The same five sizes again: each comes from the shelf, still one buffer per holder, and zeroed.
    const again = [arena.float32(1000), arena.float32(900), arena.float32(10), arena.uint8(1000), arena.uint8(1000)];
    expect(new Set(again.map(backing)).size).toBe(again.length);
    for (const a of again) expect(taken.map(backing)).toContain(backing(a));
    for (const a of again) expect(a.every((v) => v === 0)).toBe(true);
    // A sixth holder while all five are out gets a buffer of its own.
    const extra = arena.float32(1000);
    expect([...taken, ...again].map(backing)).not.toContain(backing(extra));
    expect(arena.lentCount).toBe(6);
    arena.end();
    expect(arena.lentCount).toBe(0);
  });

  it("gives the smallest idle buffer that fits, so a small request does not take a big one from a big one", () => {
    const arena = new ScratchArena();
    arena.begin();
    const big = arena.float32(10_000);
    const small = arena.float32(100);
    arena.end();
    arena.begin();
    const first = arena.float32(50);
    const second = arena.float32(9_000);
    expect(backing(first)).toBe(backing(small));
    expect(backing(second)).toBe(backing(big));
    arena.end();
  });

  it("lends Float64Arrays from their own shelf: reused zeroed after end(), never one of another kind", () => {
    const arena = new ScratchArena();
    arena.begin();
    const a = arena.float64(500);
    const f = arena.float32(500);
    a.fill(3);
    expect(a).toBeInstanceOf(Float64Array);
    expect(backing(a)).not.toBe(backing(f));
    arena.end();
    arena.begin();
    const again = arena.float64(400);
    expect(backing(again)).toBe(backing(a));
    expect(again.length).toBe(400);
    expect(again.every((v) => v === 0)).toBe(true);
    expect(backing(arena.float64(500))).not.toBe(backing(a));
    arena.end();
  });

  it("outside begin()/end() hands out fresh arrays, and refuses to be opened twice", () => {
    const arena = new ScratchArena();
    const a = arena.float32(16);
    const b = arena.float32(16);
    expect(backing(a)).not.toBe(backing(b));
    expect(arena.lentCount).toBe(0);
    arena.begin();
    expect(() => arena.begin()).toThrow();
    arena.end();
  });

  it("lends a shelf buffer as it was for a caller that overwrites it, never one already lent, zeroed outside an analysis", () => {
    const arena = new ScratchArena();
    expect(arena.float32ToOverwrite(8).every((v) => v === 0)).toBe(true);
    arena.begin();
    const first = arena.float32(1000).fill(3);
    arena.end();
    arena.begin();
    const reused = arena.float32ToOverwrite(1000);
    expect(backing(reused)).toBe(backing(first));
    // Not zeroed: the cost this saves is one pass over the plane.
    expect(reused.every((v) => v === 3)).toBe(true);
    const other = arena.float32ToOverwrite(1000);
    expect(backing(other)).not.toBe(backing(reused));
    expect(arena.lentCount).toBe(2);
    arena.end();
    arena.begin();
    // Taken back like any other: the next zeroed request gets it zeroed.
    expect(arena.float32(1000).every((v) => v === 0)).toBe(true);
    arena.end();
  });
});
