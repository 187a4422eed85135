import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { RgbImage } from "../decode";
import { detectFaces, type DetectedFace } from "../face-model";

/**
 * Single-face "selfies" cut from @vladmandic/face-api's demo photos (group photos, 2–5 faces).
 * They are read from node_modules at test time and never committed: their licence is not stated.
 * Crops are cached in the OS temp dir so each test file does not re-detect the group photos.
 */
export type Selfie = {
  /** e.g. "sample6-face2" */
  name: string;
  image: RgbImage;
  /** The face as detected on the 1024 px crop. */
  face: DetectedFace;
};

export const SELFIE_SIDE = 1024;
/** Crop side as a multiple of the detector's face box: a phone selfie at arm's length. */
const CROP_FACTOR = 1.7;

const demoDir = () => path.join(process.cwd(), "node_modules", "@vladmandic", "face-api", "demo");
export const demoPhotoPath = (n: number) => path.join(demoDir(), `sample${n}.jpg`);
const cacheDir = path.join(os.tmpdir(), `skinsight-selfies-v1-${SELFIE_SIDE}-${CROP_FACTOR}`);

export async function readRgb(input: string | Uint8Array): Promise<RgbImage> {
  const { data, info } = await sharp(input).rotate().removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** How a JPEG stores colour: at half resolution each way (4:2:0) or full (4:4:4). */
export type Chroma = "4:2:0" | "4:4:4";

/**
 * A JPEG of `img`. Its colour at half resolution by default (4:2:0, what cameras and most encoders write, Chrome's
 * canvas below quality 1); "4:4:4" keeps it at full resolution, as the app's upload does (components/capture).
 */
export async function encodeJpeg(img: RgbImage, quality = 92, chroma: Chroma = "4:2:0"): Promise<Uint8Array> {
  const buf = await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } })
    .jpeg({ quality, chromaSubsampling: chroma })
    .toBuffer();
  return new Uint8Array(buf);
}

async function cropSelfies(n: number): Promise<Array<{ name: string; jpeg: Uint8Array }>> {
  const photo = await readRgb(demoPhotoPath(n));
  const faces = await detectFaces(photo.data, photo.width, photo.height);
  const out: Array<{ name: string; jpeg: Uint8Array }> = [];
  for (const [i, f] of faces.entries()) {
    const side = Math.round(f.box.width * CROP_FACTOR);
    const cx = f.box.x + f.box.width / 2;
    const cy = f.box.y + f.box.height / 2;
    const left = Math.round(cx - side / 2);
    const top = Math.round(cy - side / 2);
    if (left < 0 || top < 0 || left + side > photo.width || top + side > photo.height) continue;
    const buf = await sharp(photo.data, { raw: { width: photo.width, height: photo.height, channels: 3 } })
      .extract({ left, top, width: side, height: side })
      .resize(SELFIE_SIDE, SELFIE_SIDE, { kernel: "lanczos3" })
      .jpeg({ quality: 95 })
      .toBuffer();
    out.push({ name: `sample${n}-face${i + 1}`, jpeg: new Uint8Array(buf) });
  }
  return out;
}

/** Test files run in parallel processes: write under a private name, then rename into place. */
async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
}

let cache: Promise<Selfie[]> | null = null;

/** All crops in which exactly one face is found again (neighbours cut off at the edge are allowed if much smaller). */
export function loadSelfies(): Promise<Selfie[]> {
  cache ??= (async () => {
    await mkdir(cacheDir, { recursive: true });
    const index = path.join(cacheDir, "index.json");
    let names: string[] | null = null;
    try {
      names = JSON.parse(await readFile(index, "utf8")) as string[];
    } catch {
      names = null;
    }
    if (!names) {
      names = [];
      for (let n = 1; n <= 6; n++) {
        for (const s of await cropSelfies(n)) {
          await writeAtomic(path.join(cacheDir, `${s.name}.jpg`), s.jpeg);
          names.push(s.name);
        }
      }
      await writeAtomic(index, new TextEncoder().encode(JSON.stringify(names)));
    }
    const selfies: Selfie[] = [];
    for (const name of names) {
      const image = await readRgb(path.join(cacheDir, `${name}.jpg`));
      const faces = await detectFaces(image.data, image.width, image.height);
      const [face, second] = faces;
      if (!face) continue;
      if (second && second.box.width * second.box.height > 0.2 * face.box.width * face.box.height) continue;
      selfies.push({ name, image, face });
    }
    return selfies;
  })();
  return cache;
}

export async function selfieJpeg(s: Selfie, quality = 92): Promise<Uint8Array> {
  return encodeJpeg(s.image, quality);
}

/**
 * Crops that make fair selfies: one face, near-frontal, evenly lit (checked by eye on the overlays).
 * The others are kept as gate cases: sample1-face1 is half in shadow; sample1-face2/3, sample2-face3, sample4-face1/3 and
 * sample5-face4 are turned or tilted; sample4-face2 is washed out; sample5-face3 is soft and side-lit; in sample6-face2 the detector
 * sometimes also finds the neighbour cut off at the edge.
 */
export const CLEAN_SELFIES = [
  "sample2-face1",
  "sample3-face1",
  "sample3-face2",
  "sample3-face3",
  "sample5-face2",
  "sample6-face1",
  "sample6-face3",
  "sample6-face4",
] as const;

export async function loadCleanSelfies(): Promise<Selfie[]> {
  const all = await loadSelfies();
  return CLEAN_SELFIES.map((name) => {
    const s = all.find((x) => x.name === name);
    if (!s) throw new Error(`fixture ${name} missing: the demo photos or the detector changed`);
    return s;
  });
}
