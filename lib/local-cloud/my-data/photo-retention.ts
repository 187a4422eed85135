import type { AnalysisStore } from "../analyses";
import type { ImageStorage } from "../storage";

const DAY_MS = 24 * 3600 * 1000;

/**
 * The privacy page's promise: a photo is deleted `retentionDays` after it was uploaded. The result
 * stays in the history without it. Returns how many photos were deleted.
 */
export async function deleteExpiredPhotos(
  deps: { store: AnalysisStore; storage: ImageStorage },
  now: Date,
  retentionDays: number,
): Promise<number> {
  const due = deps.store.withPhotosUploadedBefore(new Date(now.getTime() - retentionDays * DAY_MS));
  for (const analysis of due) {
    if (analysis.imageKey) await deps.storage.remove(analysis.imageKey);
    await deps.storage.remove(deps.storage.keyFor(analysis.owner, analysis.id));
    deps.store.forgetPhoto(analysis.id, now);
  }
  return due.length;
}
