import type { Page } from "@playwright/test";
import { jpegHeaderSegments } from "../../lib/domain/jpeg-quality";

/**
 * The chroma subsampling a JPEG's frame header declares: "4:4:4" when every component is sampled 1 × 1, "4:2:0" when
 * luma is 2 × 2 and both chroma 1 × 1, otherwise the factors as written ("22,11,11"); "none" without a frame header.
 */
export function jpegSampling(jpeg: Uint8Array): string {
  // SOF0–SOF2: baseline, extended, progressive. Their payload: precision, height, width, component count, components.
  const frame = jpegHeaderSegments(jpeg)?.find((g) => g.marker >= 0xc0 && g.marker <= 0xc2);
  const count = frame ? (jpeg[frame.from + 5] ?? 0) : 0;
  if (!frame || count === 0) return "none";
  const factors = Array.from({ length: count }, (_, c) => (jpeg[frame.from + 7 + 3 * c] ?? 0).toString(16));
  if (factors.every((f) => f === "11")) return "4:4:4";
  if (factors.join() === "22,11,11") return "4:2:0";
  return factors.join();
}

/**
 * Before the page loads: keeps the last Blob the page makes an object URL for (the photo prepared for sending, which
 * its preview shows), so preparedPhoto can read it; the page's CSP would refuse a fetch of the blob: URL itself.
 */
export async function keepPreparedPhoto(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob) (window as unknown as { prepared?: Blob }).prepared = object;
      return create(object);
    };
  });
}

/** The bytes of the photo keepPreparedPhoto kept (empty before one is prepared). */
export async function preparedPhoto(page: Page): Promise<Uint8Array> {
  const bytes = await page.evaluate(async () => {
    const blob = (window as unknown as { prepared?: Blob }).prepared;
    return blob ? Array.from(new Uint8Array(await blob.arrayBuffer())) : [];
  });
  return Uint8Array.from(bytes);
}

/**
 * Before the page loads: counts the photo encodes a Web Worker answers (image-processing.ts encodeInWorker), so a test
 * can tell them from the page-thread fallback, which writes the same bytes.
 */
export async function countWorkerEncodes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counter = window as unknown as { workerEncodes?: number };
    counter.workerEncodes = 0;
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener("message", ({ data }: MessageEvent<{ ok?: boolean; bytes?: unknown }>) => {
          if (data?.ok === true && data.bytes instanceof Uint8Array)
            counter.workerEncodes = (counter.workerEncodes ?? 0) + 1;
        });
      }
    };
  });
}

/** How many photo encodes a worker answered since the page loaded. */
export async function workerEncodes(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { workerEncodes?: number }).workerEncodes ?? 0);
}
