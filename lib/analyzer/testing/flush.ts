import { detectFaces } from "../face-model";
import { fillPolygon, regionPolygon } from "../mesh-regions";
import { decodeJpeg, encodeRgb, toLinear, toSrgb } from "./rgb-io";
import type { RegionName } from "../../domain/skin-report";

type Variant = (jpeg: Uint8Array) => Promise<Uint8Array>;

/**
 * A diffuse flush (erythema) over the named regions: more blood absorbs green light, so linear G is multiplied by
 * 10^(−rise/100), which raises the erythema index 100·log10(R/G) of every pixel there by `rise` (red and blue kept).
 * Real redness, for checking that what the light cannot move, the skin still does.
 */
export const flush =
  (regions: readonly RegionName[], rise: number): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    // Thrown, not the photo returned as it was: a test of a flush would then quietly test the bare face.
    if (!face) throw new Error("flush: no face found to flush");
    const { width: w, height: h } = img;
    const inside = new Uint8Array(w * h);
    for (const name of regions) fillPolygon(inside, w, h, regionPolygon(face.mesh, name));
    const green = 10 ** (-rise / 100);
    const out = new Uint8Array(img.data);
    for (let i = 0; i < w * h; i++) if (inside[i]) out[3 * i + 1] = toSrgb(toLinear(out[3 * i + 1] ?? 0) * green);
    return encodeRgb({ data: out, width: w, height: h });
  };
