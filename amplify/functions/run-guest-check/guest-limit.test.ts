import { ConditionalCheckFailedException, DynamoDBClient, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { createDynamoGuestLimiter } from "./guest-limit";

const dynamo = new DynamoDBClient({ region: "ap-southeast-1" });
const mock = mockClient(dynamo);
afterEach(() => mock.reset());

const HOUR = 3_600_000;
const NOW = 500 * HOUR + 15 * 60_000; // 15 minutes into hour 500

describe("the DynamoDB guest-check limiter", () => {
  const limiter = createDynamoGuestLimiter({ client: dynamo, table: "limits", perHour: 3 });

  it("counts one check per call in the client's current hour, conditional on the hour's limit", async () => {
    mock.on(UpdateItemCommand).resolves({});
    expect(await limiter.take("ip:203.0.113.7", NOW)).toEqual({ allowed: true });
    const input = mock.commandCalls(UpdateItemCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      TableName: "limits",
      Key: { pk: { S: "ip:203.0.113.7#500" } },
      ConditionExpression: "attribute_not_exists(hits) OR hits < :max",
    });
    expect(input?.ExpressionAttributeValues?.[":max"]).toEqual({ N: "3" });
    // The counter outlives its hour by an hour, then DynamoDB's TTL removes it.
    expect(input?.ExpressionAttributeValues?.[":ttl"]).toEqual({ N: String((502 * HOUR) / 1000) });
  });

  it("refuses once the hour is used up, saying when the next hour starts", async () => {
    mock
      .on(UpdateItemCommand)
      .rejects(new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} }));
    expect(await limiter.take("ip:203.0.113.7", NOW)).toEqual({ allowed: false, retryAfterSeconds: 45 * 60 });
  });

  it("does not hide other DynamoDB errors as a refusal", async () => {
    mock.on(UpdateItemCommand).rejects(Object.assign(new Error("throttled"), { name: "ThrottlingException" }));
    await expect(limiter.take("ip:203.0.113.7", NOW)).rejects.toThrow("throttled");
  });
});
