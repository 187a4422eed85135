import { detectFaces } from "../face-model";
import { fillPolygon, regionPolygon } from "../mesh-regions";
import { decodeJpeg, encodeRgb } from "./rgb-io";
import type { RegionName } from "../../domain/skin-report";

type Variant = (jpeg: Uint8Array) => Promise<Uint8Array>;

/** Grid spacing of the patches, in face widths: ≈ 8 mm on a 135 mm face, highlight-sized. */
const PATCH_PITCH = 1 / 16;

/**
 * Bright light's blown highlights on the named regions, drawn plainly: white discs on a square grid (pitch ≈ 8 mm)
 * inside each region's outline, sized so that `share` of the region is white (disc area π r² over the pitch²; below
 * π/4 the discs do not touch). Each disc is several mm across, so it is clipped throughout, as blown skin is, and the
 * skin between keeps its colour and texture.
 */
export const blownPatches =
  (regions: readonly RegionName[], share: number): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    if (!face) return j;
    const { width: w, height: h } = img;
    const inside = new Uint8Array(w * h);
    for (const name of regions) fillPolygon(inside, w, h, regionPolygon(face.mesh, name));
    const pitch = face.box.width * PATCH_PITCH;
    const r2 = (share * pitch * pitch) / Math.PI;
    const out = new Uint8Array(img.data);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (!inside[i]) continue;
        const dx = (((x % pitch) + pitch) % pitch) - pitch / 2;
        const dy = (((y % pitch) + pitch) % pitch) - pitch / 2;
        if (dx * dx + dy * dy <= r2) out.fill(255, 3 * i, 3 * i + 3);
      }
    }
    return encodeRgb({ data: out, width: w, height: h });
  };
