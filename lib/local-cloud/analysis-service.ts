import { transition, type Analysis } from "@/lib/domain/analysis";
import type { Survey } from "@/lib/domain/survey";
import { LocalCloudError, notFound } from "./errors";
import type { LocalCloud } from "./runtime";
import { reencodeImage } from "./storage";

/** The use cases behind the local routes; each takes the signed-in owner and checks ownership. */

export function createAnalysis(cloud: LocalCloud, owner: string, survey: Survey): Analysis {
  return cloud.store.create(owner, survey, new Date());
}

/**
 * Stores the selfie and moves CREATED → UPLOADED. A photo that failed for a reason only a new
 * photo fixes (quality, unreadable, missing) may be replaced: FAILED → CREATED → UPLOADED.
 */
export async function uploadImage(cloud: LocalCloud, owner: string, id: string, bytes: Buffer): Promise<Analysis> {
  let analysis = cloud.store.get(owner, id);
  assertUploadable(analysis);
  const jpeg = await reencodeImage(bytes);
  // Re-read after the slow re-encode: a concurrent upload may have won meanwhile.
  analysis = cloud.store.get(owner, id);
  assertUploadable(analysis);
  const key = cloud.storage.keyFor(owner, id);
  await cloud.storage.write(key, jpeg);
  const now = new Date();
  if (analysis.status === "FAILED") {
    analysis = transition(analysis, "CREATED", now.toISOString(), {
      report: null,
      recommendation: null,
      imageKey: null,
    });
    cloud.store.save(analysis, now, "FAILED");
  }
  const uploaded = transition(analysis, "UPLOADED", now.toISOString(), { imageKey: key });
  cloud.store.save(uploaded, now, "CREATED");
  cloud.store.recordPhotoUpload(id, now);
  return uploaded;
}

function assertUploadable(analysis: Analysis): void {
  if (analysis.status === "CREATED") return;
  if (analysis.status === "FAILED" && analysis.failure && !analysis.failure.retryable) return;
  throw new LocalCloudError("CONFLICT", "This analysis already has a photo. Start a new analysis to use another one.");
}

/** Queues the pipeline. Idempotent while a run is queued or going; a retryable failure starts over. */
export function startAnalysis(cloud: LocalCloud, owner: string, id: string): Analysis {
  let analysis = cloud.store.get(owner, id);
  switch (analysis.status) {
    case "CREATED":
      throw new LocalCloudError("CONFLICT", "Please upload a photo before starting the analysis.");
    case "COMPLETE":
      throw new LocalCloudError("CONFLICT", "This analysis is already complete.");
    case "FAILED": {
      if (!analysis.failure?.retryable) {
        throw new LocalCloudError("CONFLICT", "This analysis needs a new photo. Please upload another one.");
      }
      if (cloud.runner.hasLiveJob(id)) return analysis;
      const now = new Date();
      analysis = transition(analysis, "UPLOADED", now.toISOString(), { report: null, recommendation: null });
      cloud.store.save(analysis, now, "FAILED");
      break;
    }
    case "UPLOADED":
    case "ANALYZING":
    case "RECOMMENDING":
      break;
  }
  // A run already queued or going is the one the caller wants; enqueue is a no-op then.
  cloud.runner.enqueue(id);
  return analysis;
}

export async function deleteAnalysis(cloud: LocalCloud, owner: string, id: string): Promise<void> {
  const deleted = cloud.store.delete(owner, id, new Date());
  if (deleted.imageKey) await cloud.storage.remove(deleted.imageKey);
  // A key from an earlier photo (replaced after a quality failure) lives at the same path.
  await cloud.storage.remove(cloud.storage.keyFor(owner, id));
}

export async function readImage(cloud: LocalCloud, owner: string, id: string): Promise<Buffer> {
  const analysis = cloud.store.get(owner, id);
  if (!analysis.imageKey) throw notFound("photo");
  const bytes = await cloud.storage.read(analysis.imageKey);
  if (!bytes) throw notFound("photo");
  return bytes;
}
