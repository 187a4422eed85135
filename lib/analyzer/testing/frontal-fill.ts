import { detectFaces } from "../face-model";
import { FACE_OVAL, fillPolygon } from "../mesh-regions";
import { gaussianBlur, makePlane } from "../planes";
import { EYES_AND_LIPS } from "./plant";
import { decodeJpeg, encodeRgb, toLinear, toSrgb } from "./rgb-io";

type Variant = (jpeg: Uint8Array) => Promise<Uint8Array>;

/** The brows (mesh), left out of the skin's shading with the eyes and lips: they are dark hair, not shade. */
const BROWS: ReadonlyArray<readonly number[]> = [
  [70, 63, 105, 66, 107, 55, 65, 52, 53, 46],
  [300, 293, 334, 296, 336, 285, 295, 282, 283, 276],
];

/** Most a fill lifts a shadow: 2.5× (a deep socket or the jaw's underside in a 4:1 light brought to ≈ 1.6:1). */
const MAX_FILL = 2.5;

/**
 * Soft frontal light (a ring light, or a window behind the camera): the skin's own shading evened out. The shading is
 * a blur of the skin's linear luminance (the face outline less eyes, brows and lips, so hair does not darken it, σ
 * 1/12 of the face), and each pixel is lifted by (brightest skin shading / its shading)^`strength`: brows, sockets
 * and nostrils rise with the skin around them, as under a fill, and keep their own darkness. Outside the face the
 * lift fades to none. Such a face has little contrast between its skin and its darkest features.
 */
export const frontalFill =
  (strength = 1): Variant =>
  async (j) => {
    const img = await decodeJpeg(j);
    const [face] = await detectFaces(img.data, img.width, img.height);
    if (!face) return j;
    const { width: w, height: h } = img;
    const mask = new Uint8Array(w * h);
    fillPolygon(
      mask,
      w,
      h,
      FACE_OVAL.map((i) => face.mesh[i] ?? [0, 0]),
    );
    for (const ring of [...EYES_AND_LIPS, ...BROWS])
      fillPolygon(
        mask,
        w,
        h,
        ring.map((i) => face.mesh[i] ?? [0, 0]),
        0,
      );
    const skinY = makePlane(w, h);
    const weight = makePlane(w, h);
    for (let i = 0; i < mask.length; i++) {
      const p = 3 * i;
      const y =
        0.2126 * toLinear(img.data[p] ?? 0) +
        0.7152 * toLinear(img.data[p + 1] ?? 0) +
        0.0722 * toLinear(img.data[p + 2] ?? 0);
      weight.data[i] = mask[i] ?? 0;
      skinY.data[i] = (mask[i] ?? 0) * y;
    }
    const sigma = Math.max(4, face.box.width / 12);
    const shadeSum = gaussianBlur(skinY, sigma).data;
    const shadeWeight = gaussianBlur(weight, sigma).data;
    const shading = (i: number) => (shadeSum[i] ?? 0) / Math.max(shadeWeight[i] ?? 0, 1e-3);
    // The brightest of the mid-cheeks and the mid-forehead: the light the fill brings the rest up toward.
    const lit = Math.max(
      ...[50, 280, 151].map((k) => {
        const [x, y] = face.mesh[k] ?? [0, 0];
        return shading(Math.round(y) * w + Math.round(x));
      }),
    );
    const out = new Uint8Array(img.data.length);
    for (let i = 0; i < mask.length; i++) {
      const near = Math.min(1, (shadeWeight[i] ?? 0) / 0.3);
      const lift = near > 0 ? Math.min(MAX_FILL, Math.max(1, (lit / Math.max(shading(i), 1e-4)) ** strength)) : 1;
      const gain = 1 + (lift - 1) * near;
      for (let c = 0; c < 3; c++) out[3 * i + c] = toSrgb(toLinear(img.data[3 * i + c] ?? 0) * gain);
    }
    return encodeRgb({ data: out, width: w, height: h });
  };
