/**
 * The IJG quality a JPEG was saved at, read from its luminance quantisation table: how much fine detail the file
 * kept. libjpeg and most encoders scale the standard table of ITU-T T.81 Annex K by a factor set by quality
 * (jcparam.c: 5000/q below 50, 200 − 2q from 50); the ratio of a file's table to the standard one gives that
 * factor back, and so the quality, the way ImageMagick's and JPEGsnoop's estimates do. A camera's own tables are
 * not scaled copies of the standard one; the ratio then reads the quality whose table quantises as coarsely overall.
 * Pure, so the upload step reads the person's original file with it and the analyzer the bytes it is given.
 */

/** ITU-T T.81 Annex K, table K.1 (luminance); the sum is all the estimate needs, so its order does not matter. */
const STANDARD_LUMA = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51,
  87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
];
const STANDARD_SUM = STANDARD_LUMA.reduce((a, b) => a + b, 0);

/**
 * Below this quality a file has lost enough fine detail to miss small spots: the dev plantings saved at 85 found 12% fewer
 * red lesions than at 92, at 80 22% fewer (analyzer compression.ts). The upload step then asks for the original.
 */
export const STRONG_COMPRESSION_BELOW = 85;

const SOI = 0xd8;
const SOS = 0xda;
const DQT = 0xdb;
const EOI = 0xd9;
const COM = 0xfe;
const APP0 = 0xe0;
/** Markers that stand alone, without a length: TEM and the restart markers. */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd7);

/** One marker segment of a JPEG's header: its marker byte and where its payload starts and ends. */
export type JpegSegment = { marker: number; from: number; to: number };

/** The header's segments (payload from–to) up to the scan, or null when the bytes are not a well-formed JPEG header. */
export function jpegHeaderSegments(bytes: Uint8Array): JpegSegment[] | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== SOI) return null;
  const segments: JpegSegment[] = [];
  let at = 2;
  while (at + 2 <= bytes.length) {
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
    if (marker === SOS || marker === EOI) return segments;
    if (at + 4 > bytes.length) return null;
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    segments.push({ marker, from: at + 4, to: end });
    at = end;
  }
  return null;
}

/** The sum of the luminance table's 64 entries (table 0), or null when the header has none or a broken one. */
function lumaTableSum(bytes: Uint8Array, segments: readonly JpegSegment[]): number | null {
  for (const { marker, from, to } of segments) {
    if (marker !== DQT) continue;
    // One segment may hold several tables: a byte of precision (high nibble: 0 = 8 bit, 1 = 16) and id, then 64 values.
    let t = from;
    while (t < to) {
      const precision = (bytes[t] ?? 0) >> 4;
      const id = (bytes[t] ?? 0) & 0x0f;
      const size = precision === 0 ? 1 : 2;
      if (precision > 1 || t + 1 + 64 * size > to) return null;
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
  return null;
}

/**
 * The estimated IJG quality (1–100) of a JPEG's bytes, or null for anything that is not a JPEG with a luminance
 * table (PNG, WebP, a truncated or malformed file): the caller then assumes nothing was lost to compression.
 */
export function jpegQuality(bytes: Uint8Array): number | null {
  return qualityOf(bytes, jpegHeaderSegments(bytes) ?? []);
}

function qualityOf(bytes: Uint8Array, segments: readonly JpegSegment[]): number | null {
  const sum = lumaTableSum(bytes, segments);
  if (sum === null || sum <= 0) return null;
  // The table is the standard one × scale/100 (entries rounded, held at ≥ 1), so the sums' ratio is scale/100.
  const scale = (100 * sum) / STANDARD_SUM;
  const q = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
  return Math.round(Math.min(100, Math.max(1, q)));
}

/**
 * A re-encode at a high quality hides how compressed the photo it started from was, so each re-encode (the upload
 * step's, the local backend's) writes the lowest quality it read into a comment segment of its own output.
 */
const SOURCE_QUALITY_COMMENT = "skinsight source-quality=";

function declaredSourceQuality(bytes: Uint8Array, segments: readonly JpegSegment[]): number | null {
  for (const { marker, from, to } of segments) {
    if (marker !== COM) continue;
    const text = String.fromCharCode(...bytes.subarray(from, Math.min(to, from + 40)));
    const match = text.startsWith(SOURCE_QUALITY_COMMENT)
      ? /^(\d{1,3})$/.exec(text.slice(SOURCE_QUALITY_COMMENT.length))
      : null;
    if (match) return Math.min(100, Math.max(1, Number(match[1])));
  }
  return null;
}

/**
 * The lowest quality the photo in these bytes went through: its own, or that of a file it was re-encoded from, as
 * written by withSourceQuality. Null when neither is known (not a JPEG, no comment).
 */
export function lowestJpegQuality(bytes: Uint8Array): number | null {
  const segments = jpegHeaderSegments(bytes) ?? [];
  const own = qualityOf(bytes, segments);
  const source = declaredSourceQuality(bytes, segments);
  if (own === null) return source;
  return source === null ? own : Math.min(own, source);
}

/**
 * `jpeg` with a comment segment saying it was re-encoded from a file saved at `quality`: after the JFIF segment when
 * the file starts with one (JFIF wants it first), else right after the start. Anything else is returned as it was.
 */
export function withSourceQuality(jpeg: Uint8Array, quality: number): Uint8Array<ArrayBuffer> {
  const segments = jpegHeaderSegments(jpeg);
  if (!segments || !Number.isFinite(quality)) return new Uint8Array(jpeg);
  const first = segments[0];
  const at = first && first.marker === APP0 && first.from === 6 ? first.to : 2;
  const text = `${SOURCE_QUALITY_COMMENT}${Math.round(Math.min(100, Math.max(1, quality)))}`;
  const payload = Array.from(text, (c) => c.charCodeAt(0));
  const length = payload.length + 2;
  const out = new Uint8Array(jpeg.length + 2 + length);
  out.set(jpeg.subarray(0, at));
  out.set([0xff, COM, length >> 8, length & 0xff, ...payload], at);
  out.set(jpeg.subarray(at), at + 2 + length);
  return out;
}
