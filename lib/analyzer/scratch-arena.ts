import type { Plane } from "./planes";

/**
 * Typed arrays lent for one analysis and taken back at its end, so the next analysis reuses them. An analysis
 * allocated ~30 MB of planes and masks, each zeroed by the allocator and reclaimed by the GC: V8 counts them as
 * external memory and ran a full mark-compact every second or third analysis for them (--trace-gc: "external
 * memory pressure"), and the GC was a fifth of the analyzer's time (measured with --cpu-prof).
 *
 * Lending is only for code that runs synchronously between begin() and end(): an analysis on the same thread can
 * only start between awaits, so no two analyses ever hold the arena's buffers at once. Outside begin()/end() (tests,
 * tools calling a stage directly) every request is a plain new array. Faces are normalised to one width, so the
 * planes of one photo fit the next one's within the headroom.
 */

/** Extra capacity on a new buffer: the next photo's window is a few rows or columns larger. */
const HEADROOM = 1.15;
/** At most this many idle buffers of a kind are kept (≈ the number an analysis borrows). */
const MAX_IDLE = 48;

class Shelf<T extends Float32Array | Float64Array | Uint8Array> {
  private readonly idle: T[] = [];
  private readonly lent: T[] = [];

  constructor(private readonly make: (length: number) => T) {}

  /** A view of `length` elements of a buffer nobody else holds: zeroed, unless `zeroed` is false. */
  take(length: number, zeroed = true): T {
    let best = -1;
    for (let k = 0; k < this.idle.length; k++) {
      const cap = (this.idle[k] as T).length;
      if (cap >= length && (best < 0 || cap < (this.idle[best] as T).length)) best = k;
    }
    const buffer = best >= 0 ? (this.idle.splice(best, 1)[0] as T) : this.make(Math.ceil(length * HEADROOM));
    this.lent.push(buffer);
    const view = buffer.subarray(0, length) as T;
    if (best >= 0 && zeroed) view.fill(0);
    return view;
  }

  /** Everything lent goes back on the shelf (the largest idle ones beyond MAX_IDLE are dropped). */
  restock(): void {
    this.idle.push(...this.lent);
    this.lent.length = 0;
    if (this.idle.length > MAX_IDLE) this.idle.sort((a, b) => a.length - b.length).length = MAX_IDLE;
  }

  get lentCount(): number {
    return this.lent.length;
  }
}

export class ScratchArena {
  private open = false;
  private readonly f32 = new Shelf((n) => new Float32Array(n));
  private readonly f64 = new Shelf((n) => new Float64Array(n));
  private readonly u8 = new Shelf((n) => new Uint8Array(n));

  begin(): void {
    if (this.open) throw new Error("scratch arena already open");
    this.open = true;
  }

  /** Takes back everything lent since begin(): the caller holds none of it any more. */
  end(): void {
    this.open = false;
    this.f32.restock();
    this.f64.restock();
    this.u8.restock();
  }

  /** A zeroed Float32Array of `length`: lent until end() inside begin()/end(), a new one outside. */
  float32(length: number): Float32Array {
    return this.open ? this.f32.take(length) : new Float32Array(length);
  }

  /**
   * A Float32Array of `length` whose contents are left from an earlier analysis (zeros outside begin()/end()): for a
   * caller that writes every element before reading any. Zeroing a plane costs as much as one pass over it.
   */
  float32ToOverwrite(length: number): Float32Array {
    return this.open ? this.f32.take(length, false) : new Float32Array(length);
  }

  /** A zeroed Float64Array of `length`, as float32(). */
  float64(length: number): Float64Array {
    return this.open ? this.f64.take(length) : new Float64Array(length);
  }

  /** A zeroed Uint8Array of `length`, as float32(). */
  uint8(length: number): Uint8Array {
    return this.open ? this.u8.take(length) : new Uint8Array(length);
  }

  get lentCount(): number {
    return this.f32.lentCount + this.f64.lentCount + this.u8.lentCount;
  }
}

/** The analyzer's arena: one per thread (module state), opened by analyzeImage around its synchronous stages. */
export const arena = new ScratchArena();

/** Runs `fn` with the arena open and takes everything back after it, also when it throws. */
export function withArena<T>(fn: () => T): T {
  arena.begin();
  try {
    return fn();
  } finally {
    arena.end();
  }
}

/** A zeroed plane from the arena (see ScratchArena.float32). */
export function arenaPlane(width: number, height: number): Plane {
  return { data: arena.float32(width * height), width, height };
}

/** A plane from the arena for a caller that writes every pixel before reading any (see ScratchArena.float32ToOverwrite). */
export function arenaPlaneToOverwrite(width: number, height: number): Plane {
  return { data: arena.float32ToOverwrite(width * height), width, height };
}
