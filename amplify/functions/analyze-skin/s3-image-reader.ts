import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { PipelineError, type PipelinePorts } from "../../../lib/pipeline";

/** Object metadata the browser adapter writes on upload (x-amz-meta-owner-sub). */
export const OWNER_METADATA_KEY = "owner-sub";
const SUPPORTED_TYPES = new Set(["image/jpeg", "image/png", "image/webp"]);

/**
 * Reads a selfie for the pipeline. The function may read every selfie, so it also checks the
 * object's owner metadata: a record pointing at someone else's photo is treated as missing.
 */
export function createS3ImageReader(opts: {
  client: S3Client;
  bucket: string;
  ownerSub: string;
}): PipelinePorts["readImage"] {
  return async (imageKey) => {
    let output;
    try {
      output = await opts.client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: imageKey }));
    } catch (error) {
      if (isMissing(error)) throw new PipelineError("IMAGE_MISSING", `No object at ${imageKey}.`, { cause: error });
      throw error;
    }
    if (output.Metadata?.[OWNER_METADATA_KEY] !== opts.ownerSub) {
      throw new PipelineError("IMAGE_MISSING", `The object at ${imageKey} does not belong to the analysis owner.`);
    }
    if (!output.Body) throw new PipelineError("IMAGE_MISSING", `The object at ${imageKey} has no body.`);
    const bytes = await output.Body.transformToByteArray();
    const contentType =
      output.ContentType && SUPPORTED_TYPES.has(output.ContentType) ? output.ContentType : "image/jpeg";
    return { bytes, contentType };
  };
}

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
