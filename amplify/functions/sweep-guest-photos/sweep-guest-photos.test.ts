import { DeleteObjectsCommand, ListObjectsV2Command, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, describe, expect, it } from "vitest";
import { readSweepFunctionEnv } from "./function-env";
import {
  DELETE_BATCH_LIMIT,
  GUEST_PHOTO_MAX_AGE_MS,
  GuestSweepError,
  createGuestPhotoSweeper,
} from "./sweep-guest-photos";
import { BUCKET_ENV } from "../analyze-skin/function-env";

const NOW = Date.parse("2026-11-27T10:00:00.000Z");
const HOUR = 60 * 60 * 1000;
const BUCKET = "selfies-bucket";

const s3 = new S3Client({ region: "ap-southeast-1" });
const s3Mock = mockClient(s3);
afterEach(() => s3Mock.reset());

const sweep = () => createGuestPhotoSweeper({ s3, bucket: BUCKET, clock: () => NOW })();
const photo = (key: string, ageMs: number) => ({ Key: key, LastModified: new Date(NOW - ageMs) });
const deletedKeys = () =>
  s3Mock.commandCalls(DeleteObjectsCommand).flatMap((c) => c.args[0].input.Delete?.Objects?.map((o) => o.Key) ?? []);

describe("the guest photo sweep", () => {
  it("deletes photos 23 h old or more and keeps younger ones", async () => {
    s3Mock.on(ListObjectsV2Command).resolves({
      Contents: [
        photo("guest/a/old.jpg", 30 * HOUR),
        photo("guest/b/edge.jpg", GUEST_PHOTO_MAX_AGE_MS),
        photo("guest/c/almost.jpg", GUEST_PHOTO_MAX_AGE_MS - 1000),
        photo("guest/d/fresh.jpg", 5 * 60 * 1000),
      ],
    });
    s3Mock.on(DeleteObjectsCommand).resolves({});
    const report = await sweep();
    expect(deletedKeys()).toEqual(["guest/a/old.jpg", "guest/b/edge.jpg"]);
    expect(report).toEqual({ listed: 4, deleted: 2, kept: 2, failed: 0 });
    expect(s3Mock.commandCalls(DeleteObjectsCommand)[0]?.args[0].input.Bucket).toBe(BUCKET);
  });

  it("keeps nothing past 24 h with an hourly sweep: a photo missed at 22:59 h is taken at 23:59 h", async () => {
    expect(GUEST_PHOTO_MAX_AGE_MS + HOUR).toBeLessThanOrEqual(24 * HOUR);
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [photo("guest/a/x.jpg", 23 * HOUR + 59 * 60 * 1000)] });
    s3Mock.on(DeleteObjectsCommand).resolves({});
    await sweep();
    expect(deletedKeys()).toEqual(["guest/a/x.jpg"]);
  });

  it("lists only guest/ and never deletes a key outside it", async () => {
    s3Mock.on(ListObjectsV2Command).resolves({
      Contents: [photo("selfies/u/1.jpg", 30 * HOUR), photo("guest/a/1.jpg", 30 * HOUR)],
    });
    s3Mock.on(DeleteObjectsCommand).resolves({});
    await sweep();
    const listings = s3Mock.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input);
    expect(listings).toEqual([expect.objectContaining({ Bucket: BUCKET, Prefix: "guest/" })]);
    expect(deletedKeys()).toEqual(["guest/a/1.jpg"]);
  });

  it("follows the listing's continuation tokens to the last page", async () => {
    s3Mock
      .on(ListObjectsV2Command, { ContinuationToken: undefined })
      .resolves({ Contents: [photo("guest/a/1.jpg", 30 * HOUR)], IsTruncated: true, NextContinuationToken: "t2" })
      .on(ListObjectsV2Command, { ContinuationToken: "t2" })
      .resolves({ Contents: [photo("guest/b/2.jpg", 2 * HOUR)], IsTruncated: true, NextContinuationToken: "t3" })
      .on(ListObjectsV2Command, { ContinuationToken: "t3" })
      .resolves({ Contents: [photo("guest/c/3.jpg", 40 * HOUR)], IsTruncated: false });
    s3Mock.on(DeleteObjectsCommand).resolves({});
    const report = await sweep();
    expect(s3Mock.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input.ContinuationToken)).toEqual([
      undefined,
      "t2",
      "t3",
    ]);
    expect(deletedKeys()).toEqual(["guest/a/1.jpg", "guest/c/3.jpg"]);
    expect(report).toEqual({ listed: 3, deleted: 2, kept: 1, failed: 0 });
  });

  it("deletes in batches of at most 1000 keys", async () => {
    const many = Array.from({ length: 2 * DELETE_BATCH_LIMIT + 5 }, (_, i) => photo(`guest/a/${i}.jpg`, 30 * HOUR));
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: many });
    s3Mock.on(DeleteObjectsCommand).resolves({});
    const report = await sweep();
    const sizes = s3Mock.commandCalls(DeleteObjectsCommand).map((c) => c.args[0].input.Delete?.Objects?.length);
    expect(DELETE_BATCH_LIMIT).toBe(1000);
    expect(sizes).toEqual([1000, 1000, 5]);
    expect(report.deleted).toBe(2005);
  });

  it("sends no delete when nothing is old enough, or the folder is empty", async () => {
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: [photo("guest/a/1.jpg", HOUR)] });
    expect(await sweep()).toEqual({ listed: 1, deleted: 0, kept: 1, failed: 0 });
    s3Mock.reset();
    s3Mock.on(ListObjectsV2Command).resolves({});
    expect(await sweep()).toEqual({ listed: 0, deleted: 0, kept: 0, failed: 0 });
    expect(s3Mock.commandCalls(DeleteObjectsCommand)).toHaveLength(0);
  });

  it("reports keys S3 refused inside a 200 answer, after sweeping the rest", async () => {
    s3Mock
      .on(ListObjectsV2Command, { ContinuationToken: undefined })
      .resolves({ Contents: [photo("guest/a/1.jpg", 30 * HOUR)], IsTruncated: true, NextContinuationToken: "t2" })
      .on(ListObjectsV2Command, { ContinuationToken: "t2" })
      .resolves({ Contents: [photo("guest/b/2.jpg", 30 * HOUR)] });
    s3Mock
      .on(DeleteObjectsCommand)
      .resolvesOnce({ Errors: [{ Key: "guest/a/1.jpg", Code: "AccessDenied" }] })
      .resolves({});
    const error = await sweep().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GuestSweepError);
    expect(error).toMatchObject({
      code: "GUEST_SWEEP_INCOMPLETE",
      report: { listed: 2, deleted: 1, kept: 0, failed: 1 },
      failures: [{ key: "guest/a/1.jpg", code: "AccessDenied" }],
    });
    expect(deletedKeys()).toEqual(["guest/a/1.jpg", "guest/b/2.jpg"]);
  });

  it("reports a whole failed batch with its cause, after trying the next one", async () => {
    const many = Array.from({ length: DELETE_BATCH_LIMIT + 1 }, (_, i) => photo(`guest/a/${i}.jpg`, 30 * HOUR));
    s3Mock.on(ListObjectsV2Command).resolves({ Contents: many });
    const throttled = new S3ServiceException({ name: "SlowDown", $fault: "server", $metadata: {} });
    s3Mock.on(DeleteObjectsCommand).rejectsOnce(throttled).resolves({});
    const error = await sweep().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GuestSweepError);
    expect(error).toMatchObject({ report: { deleted: 1, failed: 1000 }, cause: throttled });
    expect((error as GuestSweepError).message).toContain("left 1000 of 1001 expired photos");
    expect(s3Mock.commandCalls(DeleteObjectsCommand)).toHaveLength(2);
  });

  it("lets a failed listing fail the invocation", async () => {
    s3Mock.on(ListObjectsV2Command).rejects(new Error("AccessDenied"));
    await expect(sweep()).rejects.toThrow("AccessDenied");
  });
});

describe("readSweepFunctionEnv", () => {
  it("reads the bucket, and fails fast without it", () => {
    expect(readSweepFunctionEnv({ [BUCKET_ENV]: "b" })).toEqual({ bucket: "b" });
    expect(() => readSweepFunctionEnv({})).toThrow(BUCKET_ENV);
  });
});
