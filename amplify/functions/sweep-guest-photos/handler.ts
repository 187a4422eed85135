import { S3Client } from "@aws-sdk/client-s3";
import type { EventBridgeHandler } from "aws-lambda";
import { readSweepFunctionEnv } from "./function-env";
import { createGuestPhotoSweeper, type SweepReport } from "./sweep-guest-photos";

// The client lives outside the handler so warm invocations reuse its connections.
const env = readSweepFunctionEnv(process.env);
const sweep = createGuestPhotoSweeper({ s3: new S3Client({}), bucket: env.bucket, clock: Date.now });

/** A failed batch throws after the rest of the sweep has run: the invocation then counts as a Lambda error. */
export const handler: EventBridgeHandler<"Scheduled Event", unknown, SweepReport> = async () => {
  const report = await sweep();
  console.log(JSON.stringify({ message: "guest photo sweep", ...report }));
  return report;
};
