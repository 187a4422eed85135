/**
 * Box blur passes chained row by row. The two-plane box blur planes.ts had (kept as the reference in
 * testing/two-plane-box-blur.ts) wrote each pass's horizontal result to a full-size scratch plane and its vertical
 * result to the output, and read both back: six sweeps over ~1.6 MB planes for one Gaussian. Here each pass keeps
 * only the 2r + 2 horizontal rows its vertical running sum still needs, in a ring, and hands each finished row
 * straight to the next pass, so the intermediates stay in cache and only the source is read and the output written.
 *
 * The arithmetic is the two-plane blur's, operation for operation: the horizontal running sum over the edge-padded
 * row in a double, rounded to float32 where it stored its scratch plane; the vertical running sum per column in a
 * Float64Array, started and stepped over the same clamped rows, rounded to float32 where it stored its output. So
 * the result equals chained two-plane blurs bit for bit (box-sweep.test.ts), rows ranges included.
 */

/**
 * A source of rows, pulled in order: row(k) for k = first, first + 1, … returns where row k starts in `data` (which
 * may be reused for the next row). Offsets, not subarray views: a view is an object, and a blur asks for every row.
 */
type RowSource = { readonly data: Float32Array; row(y: number): number };

class BoxPass implements RowSource {
  private readonly ring: Float32Array[];
  private readonly padded: Float32Array;
  private readonly colAcc: Float64Array;
  readonly data: Float32Array;
  private readonly toPlane: boolean;
  /** Horizontal rows computed so far: the next one to compute is `filled`. */
  private filled: number;
  private readonly n: number;
  private readonly inv: number;

  constructor(
    private readonly input: RowSource,
    private readonly width: number,
    private readonly height: number,
    private readonly r: number,
    private next: number,
    /** Where the output rows go: a plane (row y at y · width), or by default one reused line. */
    sink?: Float32Array,
  ) {
    this.n = 2 * r + 1;
    this.inv = 1 / this.n;
    this.ring = Array.from({ length: 2 * r + 2 }, () => new Float32Array(width));
    this.padded = new Float32Array(width + 2 * r);
    this.colAcc = new Float64Array(width);
    this.data = sink ?? new Float32Array(width);
    this.toPlane = sink !== undefined;
    this.filled = Math.max(0, next - r);
    for (let k = next - r; k <= next + r; k++) {
      const h = this.horizontal(this.clamp(k));
      for (let x = 0; x < width; x++) this.colAcc[x] = (this.colAcc[x] as number) + (h[x] as number);
    }
  }

  private clamp(y: number): number {
    return Math.min(this.height - 1, Math.max(0, y));
  }

  /** The horizontal box of source row y (already clamped), computed when first asked for. */
  private horizontal(y: number): Float32Array {
    const slot = this.ring[y % this.ring.length] as Float32Array;
    if (y < this.filled) return slot;
    const { width: w, r, n, inv, padded } = this;
    for (; this.filled <= y; this.filled++) {
      const at = this.input.row(this.filled);
      const s = this.input.data;
      const out = this.ring[this.filled % this.ring.length] as Float32Array;
      const first = s[at] as number;
      const last = s[at + w - 1] as number;
      if (w < 2 * r) {
        for (let k = 0; k < r; k++) {
          padded[k] = first;
          padded[r + w + k] = last;
        }
        for (let x = 0; x < w; x++) padded[r + x] = s[at + x] as number;
        let acc = 0;
        for (let k = 0; k < n - 1; k++) acc += padded[k] as number;
        for (let x = 0; x < w; x++) {
          acc += padded[x + n - 1] as number;
          out[x] = acc * inv;
          acc -= padded[x] as number;
        }
        continue;
      }
      // The same additions as over the edge-padded row (padded[k] is `first` for k < r, s[at + k − r] inside and
      // `last` beyond), read from the row itself: the left edge, the middle and the right edge.
      let acc = 0;
      for (let k = 0; k < r; k++) acc += first;
      for (let k = r; k < n - 1; k++) acc += s[at + k - r] as number;
      for (let x = 0; x < r; x++) {
        acc += s[at + x + r] as number;
        out[x] = acc * inv;
        acc -= first;
      }
      for (let x = r; x < w - r; x++) {
        acc += s[at + x + r] as number;
        out[x] = acc * inv;
        acc -= s[at + x - r] as number;
      }
      for (let x = w - r; x < w; x++) {
        acc += last;
        out[x] = acc * inv;
        acc -= s[at + x - r] as number;
      }
    }
    return slot;
  }

  /** Output row y; returns where it starts in `data`. Rows are asked for in order, from the constructor's `next`. */
  row(y: number): number {
    if (y !== this.next) throw new Error(`box pass asked for row ${y}, expected ${this.next}`);
    this.next++;
    const add = this.horizontal(this.clamp(y + this.r + 1));
    const sub = this.horizontal(this.clamp(y - this.r));
    const { colAcc, data: line, inv } = this;
    const o = this.toPlane ? y * this.width : 0;
    for (let x = 0; x < this.width; x++) {
      const a = colAcc[x] as number;
      line[o + x] = a * inv;
      colAcc[x] = a + (add[x] as number) - (sub[x] as number);
    }
    return o;
  }
}

/** The rows of a plane's data, as a RowSource. */
function planeRows(data: Float32Array, width: number): RowSource {
  return { data, row: (y) => y * width };
}

/**
 * `passes` box blurs of radius r (≥ 1) of a width × height plane into `out` (which may be `src`), rows from..to only,
 * each earlier pass covering r more rows each side than the next, as planes.ts gaussianBlur chains boxBlur.
 * Rows of `out` outside from..to are left as they were.
 */
export function sweepBoxPasses(
  src: Float32Array,
  width: number,
  height: number,
  r: number,
  passes: number,
  out: Float32Array,
  from = 0,
  to = height - 1,
): void {
  if (from > to) return;
  let source: RowSource = planeRows(src, width);
  for (let p = passes - 1; p >= 0; p--)
    source = new BoxPass(source, width, height, r, Math.max(0, from - p * r), p === 0 ? out : undefined);
  // Each pass pulls its input rows as it needs them, so a row of `src` is read before any output row at or
  // above it is written: in place is safe.
  for (let y = from; y <= to; y++) source.row(y);
}
