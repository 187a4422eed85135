import { z } from "zod";
import { BUCKET_ENV } from "../analyze-skin/function-env";

/** Amplify adds the bucket name because storage grants this function access (amplify/storage/resource.ts). */
const schema = z.object({ [BUCKET_ENV]: z.string().min(1) });

export function readSweepFunctionEnv(env: Record<string, string | undefined>) {
  return { bucket: schema.parse(env)[BUCKET_ENV] };
}
