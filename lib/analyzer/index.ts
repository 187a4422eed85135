import { detectFaces, loadFaceModel } from "./face-model";

export { analyzeImage } from "./analyze";
export {
  AnalyzerInputError,
  ANALYZER_INPUT_ERROR_CODES,
  isAnalyzerInputError,
  type AnalyzerInputErrorCode,
} from "./errors";
export { MAX_BYTES, MAX_PIXELS, MIN_SHORT_SIDE } from "./decode";

/** Loads the face models once per process and runs one detection so the first real request is warm. */
export async function warmUp(): Promise<void> {
  await loadFaceModel();
  const side = 256;
  const grey = new Uint8Array(side * side * 3).fill(128);
  await detectFaces(grey, side, side);
}
