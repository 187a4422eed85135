import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { darkSkinSources } from "./dark-skin-probe";
import { devPhotoSources } from "./dev-photos";
import { HELDOUT_SOURCES } from "./heldout-photos";

describe("the naturally dark skin probe", () => {
  it("shares no photo with the dev split (tuned on) or the held-out split", () => {
    const probe = darkSkinSources();
    expect(probe.length).toBeGreaterThanOrEqual(4);
    const taken = new Set([...devPhotoSources(), ...HELDOUT_SOURCES].map((s) => JSON.stringify(s.from)));
    for (const s of probe) expect(taken.has(JSON.stringify(s.from)), s.name).toBe(false);
  });

  it("reads photos a devDependency installs, so the evaluation never skips it for want of a download", () => {
    for (const s of darkSkinSources()) expect("path" in s.from && existsSync(s.from.path), s.name).toBe(true);
  });
});
