import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";

/** Guest checks one client address may run in an hour (local mode's GUEST_CHECKS_PER_HOUR default). */
export const DEFAULT_GUEST_CHECKS_PER_HOUR = 10;
const WINDOW_MS = 60 * 60 * 1000;

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface GuestLimiter {
  /** Counts one guest check for `client`; refuses it once the client's hour is used up. */
  take(client: string, nowMs: number): Promise<LimitDecision>;
}

/**
 * A fixed hourly window per client in DynamoDB: one conditional increment per check, so concurrent
 * checks cannot overshoot, and a TTL removes each counter an hour after its window ends. An identity
 * id is no key here: any browser can ask Cognito for a fresh guest identity, but not for a fresh address.
 */
export function createDynamoGuestLimiter(opts: {
  client: DynamoDBClient;
  table: string;
  perHour?: number;
}): GuestLimiter {
  const max = opts.perHour ?? DEFAULT_GUEST_CHECKS_PER_HOUR;
  return {
    async take(client, nowMs) {
      const window = Math.floor(nowMs / WINDOW_MS);
      const windowEndMs = (window + 1) * WINDOW_MS;
      try {
        await opts.client.send(
          new UpdateItemCommand({
            TableName: opts.table,
            Key: { pk: { S: `${client}#${window}` } },
            UpdateExpression: "ADD hits :one SET expiresAt = :ttl",
            ConditionExpression: "attribute_not_exists(hits) OR hits < :max",
            ExpressionAttributeValues: {
              ":one": { N: "1" },
              ":max": { N: String(max) },
              ":ttl": { N: String(Math.ceil((windowEndMs + WINDOW_MS) / 1000)) },
            },
          }),
        );
        return { allowed: true };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException || isConditionFailure(error)) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEndMs - nowMs) / 1000)) };
        }
        throw error;
      }
    },
  };
}

// aws-sdk-client-mock and bundled copies of the SDK can hand back an error of another class instance.
const isConditionFailure = (error: unknown) =>
  typeof error === "object" && error !== null && "name" in error && error.name === "ConditionalCheckFailedException";
