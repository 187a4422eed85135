import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { PipelineError, type PipelinePorts } from "../../../lib/pipeline";

/** Object metadata the browser adapter writes on a signed-in user's upload (x-amz-meta-owner-sub). */
export const OWNER_METADATA_KEY = "owner-sub";
const SUPPORTED_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/**
 * Reads a selfie for the pipeline. The functions may read more than the caller's own photos (every
 * selfie, or every guest folder), so `belongsToCaller` checks the object itself: a photo that fails it
 * is treated as missing, never analysed.
 */
export function createS3ImageReader(opts: {
  client: S3Client;
  bucket: string;
  belongsToCaller: (imageKey: string, metadata: Record<string, string> | undefined) => boolean;
}): PipelinePorts["readImage"] {
  return async (imageKey) => {
    let output;
    try {
      output = await opts.client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: imageKey }));
    } catch (error) {
      if (isMissing(error)) throw new PipelineError("IMAGE_MISSING", `No object at ${imageKey}.`, { cause: error });
      throw error;
    }
    if (!opts.belongsToCaller(imageKey, output.Metadata)) {
      throw new PipelineError("IMAGE_MISSING", `The object at ${imageKey} does not belong to the caller.`);
    }
    if (!output.Body) throw new PipelineError("IMAGE_MISSING", `The object at ${imageKey} has no body.`);
    const bytes = await output.Body.transformToByteArray();
    const contentType =
      output.ContentType && SUPPORTED_TYPES.has(output.ContentType) ? output.ContentType : "image/jpeg";
    return { bytes, contentType };
  };
}

/** A signed-in user's photo: the upload's owner metadata names the analysis owner's sub. */
export const ownedBySub =
  (sub: string) =>
  (_imageKey: string, metadata: Record<string, string> | undefined): boolean =>
    metadata?.[OWNER_METADATA_KEY] === sub;

function isMissing(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  // Without s3:ListBucket a missing key answers 403, not 404.
  return (
    e.name === "NoSuchKey" ||
    e.name === "NotFound" ||
    e.$metadata?.httpStatusCode === 404 ||
    e.$metadata?.httpStatusCode === 403
  );
}
