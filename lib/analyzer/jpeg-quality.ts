/**
 * The IJG quality a JPEG was saved at, read from its luminance quantisation table: how much fine detail the file
 * kept. libjpeg and most encoders scale the standard table of ITU-T T.81 Annex K by a factor set by quality
 * (jcparam.c: 5000/q below 50, 200 − 2q from 50); the ratio of a file's table to the standard one gives that
 * factor back, and so the quality, the way ImageMagick's and JPEGsnoop's estimates do. A camera's own tables are
 * not scaled copies of the standard one; the ratio then reads the quality whose table quantises as coarsely overall.
 */

/** ITU-T T.81 Annex K, table K.1 (luminance); the sum is all the estimate needs, so its order does not matter. */
const STANDARD_LUMA = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51,
  87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];
const STANDARD_SUM = STANDARD_LUMA.reduce((a, b) => a + b, 0);

const SOI = 0xd8;
const SOS = 0xda;
const DQT = 0xdb;
const EOI = 0xd9;
/** Markers that stand alone, without a length: TEM and the restart markers. */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/** The sum of the luminance table's 64 entries (table 0), or null when the file has none before its scan. */
function lumaTableSum(bytes: Uint8Array): number | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    // Fill bytes: any number of 0xFF may precede a marker.
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (standalone(marker)) {
      at += 2;
      continue;
    }
    if (marker === SOS || marker === EOI) return null;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    if (marker === DQT) {
      // One segment may hold several tables: a byte of precision (high nibble: 0 = 8 bit, 1 = 16) and id, then 64 values.
      let t = at + 4;
      while (t < end) {
        const precision = (bytes[t] ?? 0) >> 4;
        const id = (bytes[t] ?? 0) & 0x0f;
        const size = precision === 0 ? 1 : 2;
        if (precision > 1 || t + 1 + 64 * size > end) return null;
        if (id === 0) {
          let sum = 0;
          for (let k = 0; k < 64; k++) {
            const p = t + 1 + k * size;
            sum += size === 1 ? (bytes[p] ?? 0) : ((bytes[p] ?? 0) << 8) | (bytes[p + 1] ?? 0);
          }
          return sum;
        }
        t += 1 + 64 * size;
      }
    }
    at = end;
  }
  return null;
}

/**
 * The estimated IJG quality (1–100) of a JPEG's bytes, or null for anything that is not a JPEG with a luminance
 * table (PNG, WebP, a truncated or malformed file): the caller then assumes nothing was lost to compression.
 */
export function jpegQuality(bytes: Uint8Array): number | null {
  const sum = lumaTableSum(bytes);
  if (sum === null || sum <= 0) return null;
  // The table is the standard one × scale/100 (entries rounded, held at ≥ 1), so the sums' ratio is scale/100.
  const scale = (100 * sum) / STANDARD_SUM;
  const q = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
  return Math.round(Math.min(100, Math.max(1, q)));
}

/**
 * The share of small findings a photo saved at `quality` still shows, against one saved at 90 or more: confidence's
 * compression factor for the counted scores (acne, pigmentation). A JPEG quantises fine detail more coarsely as quality
 * falls, and a 1–2 mm lesion is fine detail. Calibrated on the dev split's plantings (seed 7000, all four melanin
 * levels, saved 4:2:0 as the evaluation saves them): red lesions found at q92 58.6% (584/996), q85 51.8%, q80 45.7%,
 * q75 39.2%, q65 32.3%, q55 27.4%, i.e. 0.88, 0.78, 0.67, 0.55 and 0.47 of q92. So 1 from 90 up (the app uploads at
 * 90), falling by 0.02 a unit to 0.7 at 75, then by 0.01, with grain's floor of 0.4. Unknown (not a JPEG): 1.
 */
export function compressionFactor(quality: number | null): number {
  if (quality === null || !Number.isFinite(quality)) return 1;
  const steep = Math.min(15, Math.max(0, 90 - quality));
  const shallow = Math.max(0, 75 - quality);
  return Math.max(0.4, 1 - 0.02 * steep - 0.01 * shallow);
}
