import { describe, expect, it } from "vitest";
import { detectionOval, FACE_OVAL } from "./mesh-regions";
import { pointInPolygon } from "./testing/zones";

type Pt = [number, number];

/**
 * A face drawn as the mesh draws one, reduced to what the detection mask reads: the outline on an ellipse 512 px
 * across (≈ 0.26 mm/px) and 640 px high, the mouth corners (61, 291) 150 px apart and the lower lip's edge (17, 84, 314).
 */
function syntheticMesh(): Pt[] {
  const mesh: Pt[] = Array.from({ length: 468 }, (): Pt => [256, 320]);
  const [cx, cy, rx, ry] = [256, 320, 256, 320];
  // FACE_OVAL runs clockwise from the top of the forehead (10) round to 109 beside it.
  FACE_OVAL.forEach((index, k) => {
    const t = (2 * Math.PI * k) / FACE_OVAL.length;
    mesh[index] = [cx + rx * Math.sin(t), cy - ry * Math.cos(t)];
  });
  mesh[61] = [181, 470];
  mesh[291] = [331, 470];
  for (const i of [17, 84, 314]) mesh[i] = [256, 500];
  return mesh;
}

describe("detection oval", () => {
  const mesh = syntheticMesh();
  const oval = detectionOval(mesh);
  const chinBottom = mesh[152] ?? [0, 0];

  it("keeps the chin down to 2 mm above the mesh's outline, where planted chin lesions were cut off", () => {
    // 2 mm ≈ 7.6 px: a 1 mm lesion's centre may lie there and still be on the chin.
    expect(chinBottom[1]).toBeCloseTo(640, 0);
    expect(pointInPolygon(256, 640 - 7.6, oval)).toBe(true);
    // 1 mm (3.8 px) above it too: the old 2% pull upward left the midline's outline 6.4 px higher.
    expect(pointInPolygon(256, 640 - 3.8, oval)).toBe(true);
    // Beside the chin's midline, at the chin zone's sides (the mouth corners + 3% of the face width).
    for (const x of [190, 322]) {
      const outlineY = 320 + 320 * Math.sqrt(1 - ((x - 256) / 256) ** 2);
      expect(pointInPolygon(x, outlineY - 7.6, oval)).toBe(true);
    }
  });

  it("still pulls the outline in at the temples, jaw sides and hairline (ears, hair, background)", () => {
    expect(pointInPolygon(256 - 256 * 0.95, 320, oval)).toBe(false);
    expect(pointInPolygon(256 + 256 * 0.95, 320, oval)).toBe(false);
    expect(pointInPolygon(256, 320 - 320 * 0.99, oval)).toBe(false);
    // The jaw beside the chin zone, 2 mm inside the outline.
    const x = 256 + 200;
    const outlineY = 320 + 320 * Math.sqrt(1 - ((x - 256) / 256) ** 2);
    expect(pointInPolygon(x, outlineY - 7.6, oval)).toBe(false);
  });
});
