import { FACE_OVAL } from "../mesh-regions";

/**
 * Anatomical zones for planting and scoring test lesions. They are drawn from the face mesh on purpose
 * independently of the analyzer's own measuring regions (mesh-regions.ts): a lesion anywhere on the
 * forehead, cheeks, nose or chin counts, whether or not the analyzer looks there.
 */
export const ZONES = ["forehead", "cheeks", "nose", "chin"] as const;
export type Zone = (typeof ZONES)[number];

type Pt = readonly [number, number];
type Mesh = ReadonlyArray<readonly [number, number]>;

export function pointInPolygon(x: number, y: number, poly: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] ?? [0, 0];
    const [xj, yj] = poly[j] ?? [0, 0];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function edgeDistance(x: number, y: number, poly: readonly Pt[]): number {
  let best = Infinity;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [ax, ay] = poly[j] ?? [0, 0];
    const [bx, by] = poly[i] ?? [0, 0];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return best;
}

const at = (mesh: Mesh, i: number): Pt => mesh[i] ?? [0, 0];
const poly = (mesh: Mesh, idx: readonly number[]): Pt[] => idx.map((i) => at(mesh, i));

/** Upper face outline (temples to temples over the top) and the brows' upper edges back across. */
const FOREHEAD = [54, 103, 67, 109, 10, 338, 297, 332, 284, 300, 293, 334, 296, 336, 9, 107, 66, 105, 63, 70];
/** Bridge from between the eyes down both side walls to the alae and the base of the nose. */
const NOSE = [168, 417, 351, 419, 248, 281, 275, 294, 327, 326, 2, 97, 98, 64, 45, 51, 3, 196, 122, 193];

export type FaceZones = {
  oval: Pt[];
  /** Mesh width, px: the scale that converts mm to px (a face is ≈ 135 mm across at the cheekbones). */
  faceWidth: number;
  zoneOf(x: number, y: number): Zone | null;
  /** Sampling box of a zone. */
  box(zone: Zone): { x0: number; y0: number; x1: number; y1: number };
};

export const FACE_WIDTH_MM = 135;

/** The face oval's width in px: the scale planted sizes in mm are drawn at. */
export function faceWidthPx(mesh: Mesh): number {
  const xs = FACE_OVAL.map((i) => at(mesh, i)[0]);
  return Math.max(...xs) - Math.min(...xs);
}

export function faceZones(mesh: Mesh): FaceZones {
  const oval = poly(mesh, FACE_OVAL);
  const faceWidth = faceWidthPx(mesh);
  const forehead = poly(mesh, FOREHEAD);
  const nose = poly(mesh, NOSE);
  const lipBottom = Math.max(at(mesh, 17)[1], at(mesh, 84)[1], at(mesh, 314)[1]);
  const mouthL = at(mesh, 61)[0];
  const mouthR = at(mesh, 291)[0];
  const chinBottom = at(mesh, 152)[1];
  const eyeBottom = Math.max(at(mesh, 145)[1], at(mesh, 374)[1]);
  const mouthY = Math.max(at(mesh, 61)[1], at(mesh, 291)[1]);
  const margin = 0.04 * faceWidth;
  // Cheeks start below the under-eye hollow (≈ 9% of the face width below the lower lid).
  const cheekTop = eyeBottom + 0.09 * faceWidth;
  const noseL = at(mesh, 129)[0] - margin;
  const noseR = at(mesh, 358)[0] + margin;
  const zoneOf = (x: number, y: number): Zone | null => {
    if (!pointInPolygon(x, y, oval)) return null;
    if (pointInPolygon(x, y, forehead)) return "forehead";
    if (pointInPolygon(x, y, nose)) return "nose";
    if (y > lipBottom + margin && y < chinBottom && x > mouthL - margin && x < mouthR + margin) return "chin";
    if (y > cheekTop && y < mouthY && (x < Math.min(noseL, mouthL) || x > Math.max(noseR, mouthR))) return "cheeks";
    return null;
  };
  const bbox = (pts: readonly Pt[]) => ({
    x0: Math.min(...pts.map((p) => p[0])),
    y0: Math.min(...pts.map((p) => p[1])),
    x1: Math.max(...pts.map((p) => p[0])),
    y1: Math.max(...pts.map((p) => p[1])),
  });
  const whole = bbox(oval);
  const box = (zone: Zone) => {
    if (zone === "forehead") return bbox(forehead);
    if (zone === "nose") return bbox(nose);
    if (zone === "chin") return { x0: mouthL - margin, y0: lipBottom + margin, x1: mouthR + margin, y1: chinBottom };
    return { x0: whole.x0, y0: cheekTop, x1: whole.x1, y1: mouthY };
  };
  return { oval, faceWidth, zoneOf, box };
}
