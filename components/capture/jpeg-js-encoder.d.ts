/**
 * jpeg-js's encoder alone (its index also bundles the decoder, which the browser never needs): a baseline JPEG
 * with every component sampled 1 × 1, i.e. colour at full resolution.
 */
declare module "jpeg-js/lib/encoder" {
  export default function encode(
    image: { data: Uint8ClampedArray | Uint8Array; width: number; height: number },
    quality?: number,
  ): { data: Uint8Array; width: number; height: number };
}
