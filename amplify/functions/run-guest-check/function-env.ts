import { z } from "zod";
import { DEFAULT_GUEST_CHECKS_PER_HOUR } from "./guest-limit";
import { BUCKET_ENV } from "../analyze-skin/function-env";

/** Set in custom/customise-backend.ts. */
export const GUEST_LIMIT_TABLE_ENV = "GUEST_LIMIT_TABLE";

const schema = z.object({
  SAGEMAKER_ENDPOINT_NAME: z.string().min(1),
  [BUCKET_ENV]: z.string().min(1),
  [GUEST_LIMIT_TABLE_ENV]: z.string().min(1),
  GUEST_CHECKS_PER_HOUR: z.coerce.number().int().positive().default(DEFAULT_GUEST_CHECKS_PER_HOUR),
});

export function readGuestFunctionEnv(env: Record<string, string | undefined>) {
  const parsed = schema.parse(env);
  return {
    endpointName: parsed.SAGEMAKER_ENDPOINT_NAME,
    bucket: parsed[BUCKET_ENV],
    limitTable: parsed[GUEST_LIMIT_TABLE_ENV],
    checksPerHour: parsed.GUEST_CHECKS_PER_HOUR,
  };
}
