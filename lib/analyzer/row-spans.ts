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
  return growSpans(spansOf(mask, width, height), width, height, reach);
}

/** Each row's leftmost to rightmost set pixel of the mask, rows y0..y1 only (the others empty). */
export function spansOf(mask: Uint8Array, width: number, height: number, y0 = 0, y1 = height - 1): RowSpans {
  const lo = new Int32Array(height);
  const hi = new Int32Array(height);
  for (let y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) {
    const row = y * width;
    let a = 0;
    while (a < width && !mask[row + a]) a++;
    if (a === width) continue;
    let b = width;
    while (!mask[row + b - 1]) b--;
    lo[y] = a;
    hi[y] = b;
  }
  return { lo, hi };
}

/** The spans grown by r every way (a square), clipped to the plane: what a box of radius r at them reads. */
export function growSpans(spans: RowSpans, width: number, height: number, r: number): RowSpans {
  const lo = new Int32Array(height);
  const hi = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    const [a, b] = hullOfRows(spans, height, y - r, y + r);
    if (a >= b) continue;
    lo[y] = Math.max(0, a - r);
    hi[y] = Math.min(width, b + r);
  }
  return { lo, hi };
}

/** Row by row, the smallest span holding both (an empty span takes the other's). */
export function unionSpans(a: RowSpans, b: RowSpans): RowSpans {
  const height = a.lo.length;
  if (b.lo.length !== height) throw new Error("unionSpans: spans of planes of different heights");
  const lo = new Int32Array(height);
  const hi = new Int32Array(height);
  for (let y = 0; y < height; y++) {
    const [a0, a1, b0, b1] = [a.lo[y] as number, a.hi[y] as number, b.lo[y] as number, b.hi[y] as number];
    const aEmpty = a0 >= a1;
    const bEmpty = b0 >= b1;
    if (aEmpty && bEmpty) continue;
    lo[y] = aEmpty ? b0 : bEmpty ? a0 : Math.min(a0, b0);
    hi[y] = aEmpty ? b1 : bEmpty ? a1 : Math.max(a1, b1);
  }
  return { lo, hi };
}

/** The smallest span holding the non-empty spans of rows y0..y1 (clipped to the plane); a ≥ b when all are empty. */
export function hullOfRows(spans: RowSpans, height: number, y0: number, y1: number): [number, number] {
  let a = Number.MAX_SAFE_INTEGER;
  let b = -1;
  for (let k = Math.max(0, y0); k <= Math.min(height - 1, y1); k++) {
    const lo = spans.lo[k] as number;
    const hi = spans.hi[k] as number;
    if (lo >= hi) continue;
    if (lo < a) a = lo;
    if (hi > b) b = hi;
  }
  return b < 0 ? [0, 0] : [a, b];
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
