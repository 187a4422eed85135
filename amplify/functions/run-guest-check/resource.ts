import { defineFunction } from "@aws-amplify/backend";

/**
 * Runs one guest check synchronously and returns the result: a guest has no record to follow by
 * subscription, and nothing of the check is written anywhere. AppSync cuts a request at 30 s, so the
 * function has 30 s too; the handler keeps its own budget below that (guest-check.ts) and answers a
 * model still asleep with a retryable "warming up" failure instead of letting AppSync time out.
 * In the data stack for the same reason as analyze-skin: the schema invokes it.
 * GUEST_LIMIT_TABLE is added in custom/customise-backend.ts, which creates the table.
 */
export const GUEST_FUNCTION_TIMEOUT_SECONDS = 30;

export const runGuestCheck = defineFunction({
  name: "run-guest-check",
  entry: "./handler.ts",
  resourceGroupName: "data",
  timeoutSeconds: GUEST_FUNCTION_TIMEOUT_SECONDS,
  memoryMB: 512,
  runtime: 24,
});
