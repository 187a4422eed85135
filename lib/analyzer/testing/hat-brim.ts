import type { RgbImage } from "../decode";
import type { DetectedFace } from "../face-model";
import { toLinear, toSrgb } from "./rgb-io";

/**
 * A hat brim over the face, for the shine stress (added 28 Nov 2026, prompted by the published held-out report: a
 * face under a hat brim read shine 30 as shot and 4.4 shifted by 3%). The hat is dark cloth from the top of the
 * photo down to the middle of the forehead (halfway from mesh 10, the hairline, to the brows' tops, mesh 105/334);
 * below it the brim's shadow, the skin at 1/`shade` of the light in linear RGB, reaches the bridge of the nose
 * (mesh 6). Outdoors under a brim the shade gets the sky's light, ≈ 1/4–1/8 of the sun's.
 */
const HAT_CLOTH: readonly [number, number, number] = [34, 32, 36];

export function hatBrim(img: RgbImage, face: DetectedFace, shade: number): RgbImage {
  const out = new Uint8Array(img.data);
  const brows = Math.min(face.mesh[105]?.[1] ?? 0, face.mesh[334]?.[1] ?? 0);
  const brim = ((face.mesh[10]?.[1] ?? 0) + brows) / 2;
  const shadowEnd = face.mesh[6]?.[1] ?? brows;
  const lut = Uint8Array.from({ length: 256 }, (_, v) => toSrgb(toLinear(v) / shade));
  for (let y = 0; y < Math.min(img.height, Math.round(shadowEnd)); y++) {
    for (let x = 0; x < img.width; x++) {
      const p = 3 * (y * img.width + x);
      if (y < brim) out.set(HAT_CLOTH, p);
      else for (let c = 0; c < 3; c++) out[p + c] = lut[out[p + c] ?? 0] ?? 0;
    }
  }
  return { data: out, width: img.width, height: img.height };
}
