import { join } from "node:path";
import sharp from "sharp";

/**
 * A single-face selfie cut from @vladmandic/face-api's demo photo 3 (the face the analyzer's own
 * crops call sample3-face2, which passes the quality gate). Read from node_modules at test time and
 * never committed: the photo's licence is not stated.
 */
export async function loadTestSelfie(): Promise<Buffer> {
  const source = join(process.cwd(), "node_modules", "@vladmandic", "face-api", "demo", "sample3.jpg");
  return sharp(source)
    .extract({ left: 869, top: 61, width: 624, height: 624 })
    .resize(1024, 1024)
    .jpeg({ quality: 95 })
    .toBuffer();
}
