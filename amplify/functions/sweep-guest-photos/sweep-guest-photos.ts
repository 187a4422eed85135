import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client, type _Object } from "@aws-sdk/client-s3";
import { GUEST_PREFIX } from "../../storage/selfie-path";

const HOUR_MS = 60 * 60 * 1000;
/**
 * The promise is "gone within 24 h". The sweep runs hourly, so a photo is at most one interval past this age
 * when a sweep finds it: 23 h + 1 h = 24 h.
 */
export const GUEST_PHOTO_MAX_AGE_MS = 23 * HOUR_MS;
/** S3's limit on keys per DeleteObjects request. */
export const DELETE_BATCH_LIMIT = 1000;

export interface SweepReport {
  listed: number;
  deleted: number;
  kept: number;
  failed: number;
}

/** Some photos past their age could not be deleted; the rest of the sweep still ran. */
export class GuestSweepError extends Error {
  readonly code = "GUEST_SWEEP_INCOMPLETE";
  constructor(
    readonly report: SweepReport,
    readonly failures: { key: string; code: string }[],
    options?: { cause?: unknown },
  ) {
    super(
      `Guest photo sweep left ${report.failed} of ${report.failed + report.deleted} expired photos: ` +
        failures
          .slice(0, 5)
          .map((f) => `${f.key} (${f.code})`)
          .join(", "),
      options,
    );
    this.name = "GuestSweepError";
  }
}

export function createGuestPhotoSweeper(deps: {
  s3: S3Client;
  bucket: string;
  clock: () => number;
  maxAgeMs?: number;
}): () => Promise<SweepReport> {
  const maxAgeMs = deps.maxAgeMs ?? GUEST_PHOTO_MAX_AGE_MS;

  return async () => {
    const cutoff = deps.clock() - maxAgeMs;
    const report: SweepReport = { listed: 0, deleted: 0, kept: 0, failed: 0 };
    const failures: { key: string; code: string }[] = [];
    let firstCause: unknown;
    let token: string | undefined;
    do {
      const page = await deps.s3.send(
        new ListObjectsV2Command({ Bucket: deps.bucket, Prefix: GUEST_PREFIX, ContinuationToken: token }),
      );
      const objects = page.Contents ?? [];
      report.listed += objects.length;
      const expired = objects.filter((o) => isExpired(o, cutoff)).map((o) => o.Key as string);
      report.kept += objects.length - expired.length;
      for (const batch of chunk(expired, DELETE_BATCH_LIMIT)) {
        const result = await deleteBatch(deps.s3, deps.bucket, batch);
        report.deleted += batch.length - result.failures.length;
        report.failed += result.failures.length;
        failures.push(...result.failures);
        firstCause ??= result.cause;
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    if (failures.length > 0) throw new GuestSweepError(report, failures, { cause: firstCause });
    return report;
  };
}

/** Only keys under guest/ (never another prefix, even if a listing returned one) with a known age past the cutoff. */
function isExpired(object: _Object, cutoff: number): boolean {
  return (
    typeof object.Key === "string" &&
    object.Key.startsWith(GUEST_PREFIX) &&
    object.LastModified !== undefined &&
    object.LastModified.getTime() <= cutoff
  );
}

/**
 * DeleteObjects answers 200 even when some keys fail (they come back in Errors), and a whole request can fail
 * too; both are returned as failures so the sweep goes on with the next batch and reports them at the end.
 */
async function deleteBatch(
  s3: S3Client,
  bucket: string,
  keys: string[],
): Promise<{ failures: { key: string; code: string }[]; cause?: unknown }> {
  try {
    const output = await s3.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    return {
      failures: (output.Errors ?? []).map((e) => ({ key: e.Key ?? "(unknown key)", code: e.Code ?? "Unknown" })),
    };
  } catch (error) {
    const code = error instanceof Error ? error.name : "Unknown";
    return { failures: keys.map((key) => ({ key, code })), cause: error };
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
