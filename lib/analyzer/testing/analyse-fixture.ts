import { analyzeImage } from "../index";
import { encodeJpeg, type Selfie } from "./selfies";

/** Analyses a loaded fixture face as a JPEG, as taken or through `make` (a lighting or paint variant). */
export async function analyseFixture(
  faces: readonly Selfie[],
  name: string,
  make?: (j: Uint8Array) => Promise<Uint8Array>,
) {
  const s = faces.find((x) => x.name === name);
  if (!s) throw new Error(`no fixture ${name}`);
  const jpeg = await encodeJpeg(s.image);
  return analyzeImage(make ? await make(jpeg) : jpeg);
}
