import { HAEMOGLOBIN, MELANIN, attenuateAt, luma, onOpenSkin } from "./plant";
import { cheekTexture } from "./skin-texture";
import { edgeDistance, FACE_WIDTH_MM, faceZones, ZONES, type Zone } from "./zones";
import type { RgbImage } from "../decode";

/**
 * The evaluation's lesion generator. Unlike plant() (round Gaussian papules in the analyzer's own
 * regions), it varies what a reviewer would: shape (round, oval, irregular), diameter 1–4 mm at the
 * face's own scale, contrast, edge softness, and zone (forehead, cheeks, nose, chin: anatomical zones,
 * not the analyzer's regions).
 */
export const SHAPES = ["round", "oval", "irregular"] as const;
export type Shape = (typeof SHAPES)[number];

export type PlantedLesion = {
  type: "lesion" | "spot";
  x: number;
  y: number;
  r: number;
  zone: Zone;
  shape: Shape;
  diameterMm: number;
  strength: number;
};

export type GeneratorOptions = {
  type: "lesion" | "spot";
  count: number;
  rng: () => number;
  zones?: readonly Zone[];
  /** Diameter range, mm. */
  diameterMm?: [number, number];
  /**
   * Peak absorbance range (Beer–Lambert units of the chromophore). The default for red lesions, 0.5–1.0,
   * gives an erythema-index rise of 10–20 and 20–40% less green light at the centre: inflamed papules
   * measure ΔEI ≈ 10–30 against the skin around them. Dark spots default to 0.4–0.9 (≈ 16–35% darker;
   * lentigines are 10–20% darker, so the faintest third sits at the edge of what is visible).
   */
  strength?: [number, number];
  avoid?: readonly PlantedLesion[];
};

type Profile = (px: number, py: number) => number;

function makeProfile(
  x: number,
  y: number,
  r: number,
  shape: Shape,
  softness: number,
  peak: number,
  rng: () => number,
): Profile {
  const angle = rng() * Math.PI;
  const stretch = shape === "oval" ? 1.3 + 0.4 * rng() : 1;
  const harmonics =
    shape === "irregular" ? [2, 3, 5].map((k) => ({ k, amp: 0.08 + 0.12 * rng(), phase: rng() * 2 * Math.PI })) : [];
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return (px, py) => {
    const dx = px - x;
    const dy = py - y;
    const u = (dx * cos + dy * sin) / stretch;
    const v = (-dx * sin + dy * cos) * stretch;
    const theta = Math.atan2(v, u);
    let radius = r;
    for (const h of harmonics) radius *= 1 + h.amp * Math.sin(h.k * theta + h.phase);
    const d = Math.hypot(u, v) / radius;
    // softness 0.08 → a sharp-edged disc; 0.45 → a blurred edge that fades over most of the radius.
    return peak * 0.5 * (1 - Math.tanh((d - 1) / softness));
  };
}

/**
 * A zone that finds no site in this many attempts in a row is full. Dev: placements are unchanged on the 79 of 88
 * face-tones where no zone ran out (a zone with room never took this many).
 */
const TURN_ATTEMPTS = 1000;

export function plantVaried(
  img: RgbImage,
  mesh: ReadonlyArray<[number, number]>,
  o: GeneratorOptions,
): PlantedLesion[] {
  const zones = faceZones(mesh);
  const pxPerMm = zones.faceWidth / FACE_WIDTH_MM;
  const [dMin, dMax] = o.diameterMm ?? [1, 4];
  const [sMin, sMax] = o.strength ?? (o.type === "lesion" ? [0.5, 1.0] : [0.4, 0.9]);
  const want = o.zones ?? ZONES;
  const taken = [...(o.avoid ?? [])];
  // Mid-cheek luma (mesh 50 and 280): a ring that is uniform but far from it is hair or a shadow.
  const cheek = (luma(img, ...(mesh[50] ?? [0, 0])) + luma(img, ...(mesh[280] ?? [0, 0]))) / 2;
  // The same cheeks' fine texture: a site several times as textured is stubble or beard (plant.ts onOpenSkin).
  const texture = cheekTexture(img, mesh);
  const placed: PlantedLesion[] = [];
  // A zone with no room left (a beard over the chin) gives its turns to the others: it used to hold the turn until
  // the attempts ran out, and every lesion after it was lost, on skin elsewhere too.
  const full = new Set<Zone>();
  let turnAttempts = 0;
  for (let attempt = 0; placed.length < o.count && attempt < o.count * 600; attempt++) {
    // Zones take turns so each gets its share of lesions whatever its area.
    const open = want.filter((z) => !full.has(z));
    const zone = open[placed.length % open.length];
    if (!zone) break;
    if (++turnAttempts > TURN_ATTEMPTS) {
      full.add(zone);
      turnAttempts = 0;
      continue;
    }
    const b = zones.box(zone);
    const x = b.x0 + o.rng() * (b.x1 - b.x0);
    const y = b.y0 + o.rng() * (b.y1 - b.y0);
    const diameterMm = dMin + o.rng() * (dMax - dMin);
    const r = (diameterMm / 2) * pxPerMm;
    if (zones.zoneOf(x, y) !== zone || edgeDistance(x, y, zones.oval) < r + 4) continue;
    if (taken.some((t) => Math.hypot(t.x - x, t.y - y) < (t.r + r) * 2 + 6)) continue;
    if (
      !onOpenSkin(img, x, y, Math.max(4, r * 2), undefined, texture) ||
      Math.abs(luma(img, x, y) - cheek) > 0.4 * cheek
    )
      continue;
    const shape = SHAPES[Math.floor(o.rng() * SHAPES.length)] ?? "round";
    const softness = 0.08 + o.rng() * 0.37;
    const peak = sMin + o.rng() * (sMax - sMin);
    const profile = makeProfile(x, y, r, shape, softness, peak, o.rng);
    const reach = Math.ceil(r * 2.2 + 2);
    attenuateAt(img, o.type === "lesion" ? HAEMOGLOBIN : MELANIN, profile, [
      Math.floor(x - reach),
      Math.floor(y - reach),
      Math.ceil(x + reach) + 1,
      Math.ceil(y + reach) + 1,
    ]);
    const p: PlantedLesion = { type: o.type, x, y, r, zone, shape, diameterMm, strength: peak };
    placed.push(p);
    taken.push(p);
    turnAttempts = 0;
  }
  return placed;
}
