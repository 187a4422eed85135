import { HAEMOGLOBIN_OD, OD_PER_LEVEL } from "./haemoglobin-filter";
import { blurLarge, boxBlur, gaussianBlur, type Plane } from "./planes";
import { arenaPlaneToOverwrite } from "./scratch-arena";

/**
 * A red-candidate plane at a 1–2 mm papule's own scale (cand10). The crop is ≈ 3.8 px/mm, so such a papule is
 * 4–8 px across; the detectors' contrasts are blurred by σ 1.5 px and read against a σ 12 px background, where the
 * papule's peak shares its pixels with the skin's texture and its colour is about one JPEG chroma sample. Here the
 * optical density is projected on haemoglobin's direction pixel by pixel (green carries most of it, and JPEG keeps
 * luma, thus most of green, at full resolution), blurred by σ 1 px only, and read against the mean of the square
 * annulus 3–5 px out (just beyond a 1 mm lesion's edge): the same centre and annulus as lesion-scale.ts's hbZ1, but
 * as a whole plane whose local maxima are candidates. It is put in units of its own local spread (the RMS over a
 * σ 12 px window, each pixel's square capped so the lesion does not hide itself), so it reads "how far this dot
 * stands out of the skin's fine texture".
 */

/**
 * The candidate peak on this plane (candidates.ts CANDIDATE_PEAK.small). On dev plantings (seed 7000, half the faces),
 * the 1–2 mm lesions no other statistic gave a candidate read a median 6.7 here (quartiles 5.3, 8.6).
 */
export const SMALL_PEAK = 4.5;

/** The centre's σ and the square annulus' inner and outer half-widths, px. */
const CENTRE_SIGMA = 1;
const INNER = 2;
const OUTER = 5;
/** The local spread's window σ, px (lesions.ts's background σ). */
const SPREAD_SIGMA = 12;
/** A pixel's square is capped at this multiple of… a fixed OD % (≈ a clear papule's contrast) before the spread is taken. */
const CAP = 6 * 6;
/** Floor of the spread, OD % (≈ an 8-bit step of green on mid skin, as lesion-scale.ts floors its spread). */
const FLOOR = 1;

/** z of the σ 1 px centre minus the 3–5 px annulus, along haemoglobin's OD direction, per window pixel. */
export function smallRedPlane(image: { data: Uint8Array; width: number; height: number }): Plane {
  const { width: w, height: h, data } = image;
  const [hr, hg, hb] = HAEMOGLOBIN_OD;
  const od = arenaPlaneToOverwrite(w, h);
  for (let i = 0, p = 0; i < w * h; i++, p += 3)
    od.data[i] =
      hr * (OD_PER_LEVEL[data[p] as number] as number) +
      hg * (OD_PER_LEVEL[data[p + 1] as number] as number) +
      hb * (OD_PER_LEVEL[data[p + 2] as number] as number);
  const centre = gaussianBlur(od, CENTRE_SIGMA, arenaPlaneToOverwrite(w, h).data);
  const outer = boxBlur(od, OUTER, arenaPlaneToOverwrite(w, h).data);
  // The inner box overwrites the OD plane (read by the two blurs above, no longer needed).
  const inner = boxBlur(od, INNER, od.data);
  const nOuter = (2 * OUTER + 1) ** 2;
  const nInner = (2 * INNER + 1) ** 2;
  const d = arenaPlaneToOverwrite(w, h);
  // The squares overwrite the centre plane once read.
  const sq = centre;
  for (let i = 0; i < w * h; i++) {
    const ring = ((outer.data[i] as number) * nOuter - (inner.data[i] as number) * nInner) / (nOuter - nInner);
    const v = (centre.data[i] as number) - ring;
    d.data[i] = v;
    sq.data[i] = Math.min(CAP, v * v);
  }
  const spread = blurLarge(sq, SPREAD_SIGMA);
  for (let i = 0; i < w * h; i++)
    d.data[i] = (d.data[i] as number) / Math.sqrt(Math.max(FLOOR * FLOOR, spread.data[i] as number));
  return d;
}
