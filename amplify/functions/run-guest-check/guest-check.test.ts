import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { sdkStreamMixin, Uint8ArrayBlobAdapter } from "@smithy/core/serde";
import type { AppSyncIdentity } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createGuestCheckHandler, type GuestCheckAnswer, type RunGuestCheckEvent } from "./guest-check";
import type { GuestLimiter } from "./guest-limit";
import { loadCatalog } from "../../../lib/domain/catalog";
import { BAD_QUALITY_REPORT, SURVEY, makeReport } from "../../../testing/pipeline/fixtures";

const GUEST = "ap-southeast-1:11111111-2222-4333-8444-555555555555";
const OTHER_GUEST = "ap-southeast-1:99999999-2222-4333-8444-555555555555";
const CHECK = "c0ffee00-0000-4000-8000-000000000001";
const KEY = `guest/${GUEST}/${CHECK}.jpg`;
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const T0 = Date.parse("2026-11-27T10:00:00.000Z");

const s3 = new S3Client({ region: "ap-southeast-1" });
const sagemaker = new SageMakerRuntimeClient({ region: "ap-southeast-1" });
const s3Mock = mockClient(s3);
const smMock = mockClient(sagemaker);

const guestIdentity = (overrides: Record<string, unknown> = {}) =>
  ({
    accountId: "123456789012",
    cognitoIdentityPoolId: "ap-southeast-1:pool",
    cognitoIdentityId: GUEST,
    cognitoIdentityAuthType: "unauthenticated",
    cognitoIdentityAuthProvider: "",
    sourceIp: ["203.0.113.7"],
    userArn: "arn:aws:sts::123456789012:assumed-role/unauth/CognitoIdentityCredentials",
    username: "AROA:CognitoIdentityCredentials",
    ...overrides,
  }) as AppSyncIdentity;

const event = (
  args: Partial<RunGuestCheckEvent["arguments"]> = {},
  identity = guestIdentity(),
): RunGuestCheckEvent => ({
  arguments: { checkId: CHECK, imageKey: KEY, survey: JSON.stringify(SURVEY), ...args },
  identity,
});

/** A clock that only moves when the handler sleeps or a model call takes time, so budgets are exact. */
function setup(opts: { limiter?: GuestLimiter; lambdaRemainingMs?: number } = {}) {
  let now = T0;
  const taken: string[] = [];
  const limiter: GuestLimiter = opts.limiter ?? {
    take: async (client) => {
      taken.push(client);
      return { allowed: true };
    },
  };
  const run = createGuestCheckHandler({
    s3,
    sagemaker,
    bucket: "selfies-bucket",
    endpointName: "skinsight-model",
    catalog: loadCatalog(),
    limiter,
    clock: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  });
  const started = now;
  const remaining = () => (opts.lambdaRemainingMs ?? 30_000) - (now - started);
  return {
    run: (e: RunGuestCheckEvent) => run(e, remaining),
    taken,
    advance: (ms: number) => (now += ms),
    elapsedMs: () => now - started,
  };
}

const photoObject = () => ({ Body: sdkStreamMixin(Readable.from([Buffer.from(PHOTO)])), ContentType: "image/jpeg" });
const modelAnswers = (report: unknown) => ({ Body: Uint8ArrayBlobAdapter.fromString(JSON.stringify(report)) });
const deletedKeys = () => s3Mock.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input.Key);
const analysisOf = (answer: GuestCheckAnswer) => {
  if (!answer.ok) throw new Error(`expected a result, got ${answer.code}`);
  return answer.analysis;
};

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  s3Mock.on(GetObjectCommand).callsFake(() => photoObject());
  s3Mock.on(DeleteObjectCommand).resolves({});
  smMock.on(InvokeEndpointCommand).resolves(modelAnswers(makeReport()));
});
afterEach(() => {
  s3Mock.reset();
  smMock.reset();
  vi.restoreAllMocks();
});

describe("runGuestCheck", () => {
  it("reads the guest's photo, runs the pipeline, deletes the photo and returns the finished result", async () => {
    const { run, taken } = setup();
    const analysis = analysisOf(await run(event()));

    expect(analysis).toMatchObject({ id: CHECK, owner: "guest", status: "COMPLETE", imageKey: null, failure: null });
    expect(analysis.recommendation?.picks).toHaveLength(3);
    expect(analysis.report).toEqual(makeReport());
    expect(s3Mock.commandCalls(GetObjectCommand).map((c) => c.args[0].input)).toEqual([
      { Bucket: "selfies-bucket", Key: KEY },
    ]);
    expect(new Uint8Array(smMock.commandCalls(InvokeEndpointCommand)[0]?.args[0].input.Body as Uint8Array)).toEqual(
      PHOTO,
    );
    expect(deletedKeys()).toEqual([KEY]);
    // Nothing is written anywhere: no object put, and the handler has no data-store client at all.
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
    expect(taken).toEqual(["ip:203.0.113.7"]);
  });

  it.each([
    ["another guest's folder", `guest/${OTHER_GUEST}/${CHECK}.jpg`],
    ["a signed-in user's selfie", `selfies/${GUEST}/${CHECK}.jpg`],
    ["a prefix that only starts like the caller's", `guest/${GUEST}x/${CHECK}.jpg`],
    ["the bucket root", `${CHECK}.jpg`],
  ])("refuses %s without reading, deleting, calling the model or counting", async (_, imageKey) => {
    const { run, taken } = setup();
    expect(await run(event({ imageKey }))).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(s3Mock.calls()).toHaveLength(0);
    expect(smMock.calls()).toHaveLength(0);
    expect(taken).toEqual([]);
  });

  it.each<[string, AppSyncIdentity | undefined]>([
    ["no identity", undefined],
    ["a signed-in identity-pool user", guestIdentity({ cognitoIdentityAuthType: "authenticated" })],
    [
      "a backend role (no identity pool)",
      guestIdentity({ cognitoIdentityId: undefined, cognitoIdentityPoolId: undefined }),
    ],
    [
      "a user-pool caller",
      {
        sub: GUEST,
        username: GUEST,
        claims: {},
        issuer: "x",
        sourceIp: [],
        defaultAuthStrategy: "ALLOW",
        groups: null,
      },
    ],
  ])("refuses %s: the folder comes from the signed identity, never from an argument", async (_, identity) => {
    const { run } = setup();
    expect(await run({ ...event(), identity })).toEqual({ ok: false, code: "FORBIDDEN" });
    expect(s3Mock.calls()).toHaveLength(0);
    expect(smMock.calls()).toHaveLength(0);
  });

  it("deletes the photo when the quality gate fails, and returns the issues", async () => {
    smMock.on(InvokeEndpointCommand).resolves(modelAnswers(BAD_QUALITY_REPORT));
    const { run } = setup();
    const analysis = analysisOf(await run(event()));
    expect(analysis.status).toBe("FAILED");
    expect(analysis.failure).toMatchObject({ code: "QUALITY", retryable: false });
    expect(analysis.failure?.issues).toEqual(BAD_QUALITY_REPORT.quality.issues);
    expect(deletedKeys()).toEqual([KEY]);
  });

  it("deletes the photo when the model fails, with the failure's message key code", async () => {
    smMock
      .on(InvokeEndpointCommand)
      .rejects(Object.assign(new Error("boom"), { name: "ModelError", $metadata: { httpStatusCode: 424 } }));
    const { run } = setup();
    const analysis = analysisOf(await run(event()));
    expect(analysis.status).toBe("FAILED");
    expect(analysis.failure?.code).not.toBe("QUALITY");
    expect(deletedKeys()).toEqual([KEY]);
  });

  it("answers a model still asleep with a retryable 'warming up' failure within AppSync's 30 s", async () => {
    const { run, advance, elapsedMs } = setup();
    // Each call waits out its whole timeout and then fails as a cold endpoint does.
    smMock.on(InvokeEndpointCommand).callsFake(() => {
      advance(10_000);
      throw Object.assign(new Error("starting"), { name: "ServiceUnavailable", $metadata: { httpStatusCode: 503 } });
    });
    const analysis = analysisOf(await run(event()));
    expect(analysis.status).toBe("FAILED");
    expect(analysis.failure).toMatchObject({ code: "MODEL_WARMING", retryable: true });
    expect(analysis.modelWaking).toBeUndefined();
    expect(deletedKeys()).toEqual([KEY]);
    // It kept trying while there was time, and every attempt and wait ended before AppSync's limit.
    expect(smMock.commandCalls(InvokeEndpointCommand).length).toBeGreaterThanOrEqual(2);
    expect(elapsedMs()).toBeLessThan(30_000);
  });

  it("refuses a client over its hourly limit, deleting the photo and not calling the model", async () => {
    const { run } = setup({ limiter: { take: async () => ({ allowed: false, retryAfterSeconds: 1200 }) } });
    expect(await run(event())).toEqual({ ok: false, code: "RATE_LIMITED", retryAfterSeconds: 1200 });
    expect(smMock.calls()).toHaveLength(0);
    expect(deletedKeys()).toEqual([KEY]);
  });

  it.each<[string, Partial<RunGuestCheckEvent["arguments"]>]>([
    ["a survey that is not a survey", { survey: JSON.stringify({ skinType: "martian" }) }],
    ["a survey that is not JSON", { survey: "{not json" }],
    ["a key that does not name this check", { imageKey: `guest/${GUEST}/other.jpg` }],
    ["a check id with a path in it", { checkId: "../x", imageKey: `guest/${GUEST}/../x.jpg` }],
  ])("answers INVALID_INPUT for %s, and still deletes the caller's own photo", async (_, args) => {
    const { run } = setup();
    expect(await run(event(args))).toEqual({ ok: false, code: "INVALID_INPUT" });
    expect(smMock.calls()).toHaveLength(0);
    expect(deletedKeys()).toEqual([args.imageKey ?? KEY]);
  });

  it("still answers when the photo cannot be deleted (the one-day lifecycle rule is the backstop)", async () => {
    s3Mock.on(DeleteObjectCommand).rejects(new Error("S3 down"));
    const { run } = setup();
    expect(analysisOf(await run(event())).status).toBe("COMPLETE");
    expect(console.error).toHaveBeenCalledWith("runGuestCheck: could not delete the guest photo", expect.any(Error));
  });

  it("counts by identity when AppSync gives no source address", async () => {
    const { run, taken } = setup();
    await run(event({}, guestIdentity({ sourceIp: [] })));
    expect(taken).toEqual([`ip:${GUEST}`]);
  });
});
