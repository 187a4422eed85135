import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { FACE_JPEG, FAKE_CAMERA_Y4M, FIXTURE_DIR, NO_FACE_JPEG } from "./support/fixture-paths";

/**
 * Test photos are made at run time from @vladmandic/face-api's demo photo 3 (a devDependency) and
 * never committed: their licence is not stated. The crop is the single face the analyzer's own
 * fixtures use (testing/local-cloud/selfie.ts), which passes the quality gate.
 */
const FACE_CROP = { left: 869, top: 61, width: 624, height: 624 };
const CAMERA_SIDE = 720;
const CAMERA_FRAMES = 2;

async function faceCrop(side: number) {
  const source = join(process.cwd(), "node_modules", "@vladmandic", "face-api", "demo", "sample3.jpg");
  return sharp(source).extract(FACE_CROP).resize(side, side);
}

/** YUV4MPEG2 with 4:2:0 frames (a 4:4:4 stream shows up green in Chromium's fake camera). */
async function writeY4m(path: string): Promise<void> {
  const { data, info } = await (await faceCrop(CAMERA_SIDE)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const y = Buffer.alloc(width * height);
  const cw = width / 2;
  const ch = height / 2;
  const u = Buffer.alloc(cw * ch);
  const v = Buffer.alloc(cw * ch);
  const px = (x: number, yy: number, c: number) => data[(yy * width + x) * 3 + c] ?? 0;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const r = px(col, row, 0);
      const g = px(col, row, 1);
      const b = px(col, row, 2);
      y[row * width + col] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
    }
  }
  for (let row = 0; row < ch; row++) {
    for (let col = 0; col < cw; col++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        r += px(col * 2 + dx, row * 2 + dy, 0);
        g += px(col * 2 + dx, row * 2 + dy, 1);
        b += px(col * 2 + dx, row * 2 + dy, 2);
      }
      r /= 4;
      g /= 4;
      b /= 4;
      u[row * cw + col] = Math.round(128 - 0.148 * r - 0.291 * g + 0.439 * b);
      v[row * cw + col] = Math.round(128 + 0.439 * r - 0.368 * g - 0.071 * b);
    }
  }
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\n`)];
  for (let i = 0; i < CAMERA_FRAMES; i++) parts.push(Buffer.from("FRAME\n"), y, u, v);
  writeFileSync(path, Buffer.concat(parts));
}

export default async function globalSetup(): Promise<void> {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  await writeY4m(FAKE_CAMERA_Y4M);
  await (await faceCrop(1024)).jpeg({ quality: 92 }).toFile(FACE_JPEG);
  // A smooth gradient: a real photo file with nothing face-like in it, so the quality gate says NO_FACE.
  const w = 900;
  const h = 1200;
  const pixels = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) {
    const x = i % w;
    const yy = Math.floor(i / w);
    pixels[i * 3] = 120 + Math.round((x / w) * 60);
    pixels[i * 3 + 1] = 140 + Math.round((yy / h) * 50);
    pixels[i * 3 + 2] = 170;
  }
  await sharp(pixels, { raw: { width: w, height: h, channels: 3 } })
    .jpeg({ quality: 90 })
    .toFile(NO_FACE_JPEG);
}
