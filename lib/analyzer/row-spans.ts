/**
 * The pixels a stage must compute, as one span of columns per row: lo[y] ≤ x < hi[y] (empty when lo ≥ hi). The
 * detectors read their signal planes only near the face skin (within a candidate's reach of a masked pixel), about
 * 60% of the crop window, so the full-resolution steps that feed them need not run on the hair, neck and background
 * around it.
 */
export type RowSpans = { lo: Int32Array; hi: Int32Array };

/**
 * The spans of the mask's pixels grown by `reach` px every way (a square), clipped to the plane: every pixel within
 * `reach` of a set pixel (Chebyshev distance) is inside, and a row's span is its leftmost to rightmost such pixel.
 */
export function spansAround(mask: Uint8Array, width: number, height: number, reach: number): RowSpans {
  const first = new Int32Array(height).fill(width);
  const last = new Int32Array(height).fill(-1);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let a = 0;
    while (a < width && !mask[row + a]) a++;
    if (a === width) continue;
    let b = width - 1;
    while (!mask[row + b]) b--;
    first[y] = a;
    last[y] = b;
  }
  const lo = new Int32Array(height);
  const hi = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    let a = width;
    let b = -1;
    for (let k = Math.max(0, y - reach); k <= Math.min(height - 1, y + reach); k++) {
      a = Math.min(a, first[k] as number);
      b = Math.max(b, last[k] as number);
    }
    lo[y] = b < 0 ? 0 : Math.max(0, a - reach);
    hi[y] = b < 0 ? 0 : Math.min(width, b + reach + 1);
  }
  return { lo, hi };
}

/** Every pixel of a width × height plane (the spans of a stage asked to compute everywhere). */
export function wholePlane(width: number, height: number): RowSpans {
  return { lo: new Int32Array(height), hi: new Int32Array(height).fill(width) };
}

/** Zeroes the pixels of row y outside its span, for a plane whose span pixels are written: a defined 0 elsewhere. */
export function zeroOutside(data: Float32Array, spans: RowSpans, width: number, y: number): void {
  const row = y * width;
  const lo = spans.lo[y] as number;
  const hi = spans.hi[y] as number;
  if (lo >= hi) {
    data.fill(0, row, row + width);
    return;
  }
  if (lo > 0) data.fill(0, row, row + lo);
  if (hi < width) data.fill(0, row + hi, row + width);
}
