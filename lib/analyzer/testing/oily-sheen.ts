import type { RgbImage } from "../decode";
import type { DetectedFace } from "../face-model";
import { toLinear, toSrgb } from "./rgb-io";

/**
 * Oily sheen: small specular glints (the light source's white, added in linear RGB) in a grid over the middle
 * of the forehead and along the nose's ridge, where sebum shines first. Each glint ≈ 0.8 mm across its core,
 * spaced ≈ 2.4 mm apart, as the bead-like highlights of an oily T-zone under a lamp. `strength` is the added
 * linear light at a glint's centre (skin's own diffuse light is ≈ 0.2–0.5 on that scale).
 */
export function oilySheen(img: RgbImage, face: DetectedFace, strength = 0.6): RgbImage {
  const out = new Uint8Array(img.data);
  const at = (i: number): [number, number] => face.mesh[i] ?? [0, 0];
  const faceWidth = Math.hypot(at(454)[0] - at(234)[0], at(454)[1] - at(234)[1]) || face.box.width;
  const r = 0.006 * faceWidth;
  const step = 3 * r;
  const centres: Array<[number, number]> = [];
  // The forehead: a band around mesh 151 (its centre), a fifth of the face wide, down to half way to the brows.
  const [fx, fy] = at(151);
  const drop = (at(9)[1] - fy) / 2;
  for (let y = fy - drop; y <= fy + drop; y += step)
    for (let x = fx - 0.1 * faceWidth; x <= fx + 0.1 * faceWidth; x += step) centres.push([x, y]);
  // The nose's ridge, bridge (mesh 6) to tip (mesh 4).
  const [ax, ay] = at(6);
  const [bx, by] = at(4);
  const length = Math.hypot(bx - ax, by - ay);
  for (let t = 0; t <= length; t += step) centres.push([ax + ((bx - ax) * t) / length, ay + ((by - ay) * t) / length]);
  const reach = Math.ceil(2 * r);
  for (const [cx, cy] of centres) {
    for (let y = Math.max(0, Math.round(cy) - reach); y <= Math.min(img.height - 1, Math.round(cy) + reach); y++) {
      for (let x = Math.max(0, Math.round(cx) - reach); x <= Math.min(img.width - 1, Math.round(cx) + reach); x++) {
        const add = strength * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * (r / 1.2) ** 2));
        if (add < 0.01) continue;
        const p = 3 * (y * img.width + x);
        for (let c = 0; c < 3; c++) out[p + c] = toSrgb(Math.min(1, toLinear(out[p + c] ?? 0) + add));
      }
    }
  }
  return { data: out, width: img.width, height: img.height };
}
