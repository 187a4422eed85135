import { Readable } from "node:stream";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { sdkStreamMixin, Uint8ArrayBlobAdapter } from "@smithy/core/serde";
import { mockClient } from "aws-sdk-client-mock";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AnalysisModel } from "./analysis-store";
import { createAnalyzeSkinHandler, SAVE_RESERVE_MS, type StartAnalysisEvent } from "./analyze-skin";
import type { Analysis } from "../../../lib/domain/analysis";
import { loadCatalog } from "../../../lib/domain/catalog";
import { defaultModelRetry } from "../../../lib/pipeline";
import { BAD_QUALITY_REPORT, makeAnalysis, makeReport } from "../../../testing/pipeline/fixtures";
import { toUpdateInput, type AnalysisRecord } from "../../data/analysis-record";
import { OWNER_METADATA_KEY } from "../shared/s3-image-reader";

const OWNER = "user-sub-1";
const KEY = "selfies/ap-southeast-1:identity-1/a1.jpg";
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

/** AppSync as the function sees it: AWSJSON fields are strings, owner and timestamps are its own. */
function fakeModel(initial: Analysis) {
  const toRecord = (a: Analysis): AnalysisRecord =>
    ({ ...toUpdateInput(a), owner: a.owner, createdAt: a.createdAt, updatedAt: a.updatedAt }) as AnalysisRecord;
  let record: AnalysisRecord | null = toRecord(initial);
  const updates: ReturnType<typeof toUpdateInput>[] = [];
  const model: AnalysisModel = {
    get: async ({ id }) => ({ data: record && record.id === id ? record : null }),
    update: async (input) => {
      // AppSync's update of a deleted item fails its condition (the item must exist) and writes nothing.
      if (!record) return { data: null, errors: [{ message: "The conditional request failed" }] } as never;
      updates.push(input);
      record = { ...record, ...input, updatedAt: "2025-01-02T00:00:00.000Z" } as AnalysisRecord;
      return { data: record };
    },
  };
  const remove = () => {
    record = null;
  };
  return { model, updates, remove, stored: () => record, statuses: () => updates.map((u) => u.status) };
}

const s3 = new S3Client({ region: "ap-southeast-1" });
const sagemaker = new SageMakerRuntimeClient({ region: "ap-southeast-1" });
const s3Mock = mockClient(s3);
const smMock = mockClient(sagemaker);

const event = (sub: string | null, analysisId = "a1"): StartAnalysisEvent => ({
  arguments: { analysisId },
  identity: sub
    ? {
        sub,
        username: sub,
        claims: { sub },
        issuer: "https://cognito",
        sourceIp: ["127.0.0.1"],
        defaultAuthStrategy: "ALLOW",
        groups: null,
      }
    : undefined,
});

/**
 * `remainingMs` stands for the Lambda context's time left. The default leaves the model less than
 * one minimum attempt after the save reserve, so there are no retries; sleeping takes no time.
 */
function handlerFor(fake: ReturnType<typeof fakeModel>, remainingMs = SAVE_RESERVE_MS + 5_000) {
  const run = createAnalyzeSkinHandler({
    s3,
    sagemaker,
    bucket: "selfies-bucket",
    endpointName: "skinsight-model",
    analysisModel: async () => fake.model,
    catalog: loadCatalog(),
    now: () => "2025-01-01T00:01:00.000Z",
    modelRetry: (remaining) => ({ ...defaultModelRetry(remaining), sleep: async () => {} }),
  });
  return (e: StartAnalysisEvent) => run(e, () => remainingMs);
}

function photoObject(metadata: Record<string, string> = { [OWNER_METADATA_KEY]: OWNER }) {
  return { Body: sdkStreamMixin(Readable.from([Buffer.from(PHOTO)])), ContentType: "image/jpeg", Metadata: metadata };
}

beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  // A fresh stream per call: a body can only be read once.
  s3Mock.on(GetObjectCommand).callsFake(() => photoObject());
  smMock.on(InvokeEndpointCommand).resolves({ Body: Uint8ArrayBlobAdapter.fromString(JSON.stringify(makeReport())) });
});
afterEach(() => {
  s3Mock.reset();
  smMock.reset();
});

describe("analyze-skin handler", () => {
  it("reads the selfie, calls the endpoint and saves each status through the data API", async () => {
    const fake = fakeModel(makeAnalysis({ owner: OWNER, imageKey: KEY }));
    expect(await handlerFor(fake)(event(OWNER))).toBe("ran");

    expect(s3Mock.commandCalls(GetObjectCommand).map((c) => c.args[0].input)).toEqual([
      { Bucket: "selfies-bucket", Key: KEY },
    ]);
    const invoke = smMock.commandCalls(InvokeEndpointCommand);
    expect(invoke).toHaveLength(1);
    expect(invoke[0]?.args[0].input).toMatchObject({
      EndpointName: "skinsight-model",
      ContentType: "image/jpeg",
      Accept: "application/json",
    });
    expect(new Uint8Array(invoke[0]?.args[0].input.Body as Uint8Array)).toEqual(PHOTO);

    expect(fake.statuses()).toEqual(["ANALYZING", "RECOMMENDING", "COMPLETE"]);
    const last = fake.updates.at(-1);
    expect(last).not.toHaveProperty("owner");
    expect(JSON.parse(String(last?.recommendation)).picks.length).toBeGreaterThan(0);
    expect(JSON.parse(String(last?.report))).toEqual(makeReport());
  });

  it.each([
    ["another user", "someone-else"],
    ["no user-pool identity", null],
  ])("refuses %s without touching S3, the model or the record", async (_, sub) => {
    const fake = fakeModel(makeAnalysis({ owner: OWNER, imageKey: KEY }));
    expect(await handlerFor(fake)(event(sub))).toBe("forbidden");
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(smMock.commandCalls(InvokeEndpointCommand)).toHaveLength(0);
    expect(fake.updates).toEqual([]);
  });

  it("reports an unknown analysis id without writing", async () => {
    const fake = fakeModel(makeAnalysis({ owner: OWNER }));
    expect(await handlerFor(fake)(event(OWNER, "nope"))).toBe("not-found");
    expect(fake.updates).toEqual([]);
  });

  it("ends quietly as not found when the person deletes the analysis while the model runs", async () => {
    const fake = fakeModel(makeAnalysis({ owner: OWNER, imageKey: KEY }));
    smMock.on(InvokeEndpointCommand).callsFake(() => {
      fake.remove();
      return { Body: Uint8ArrayBlobAdapter.fromString(JSON.stringify(makeReport())) };
    });
    vi.mocked(console.error).mockClear();
    expect(await handlerFor(fake)(event(OWNER))).toBe("not-found");
    expect(fake.statuses()).toEqual(["ANALYZING"]);
    expect(fake.stored()).toBeNull();
    expect(console.error).not.toHaveBeenCalled();
  });

  it("will not analyse a photo that belongs to someone else, even if the record points at it", async () => {
    s3Mock.on(GetObjectCommand).resolves(photoObject({ [OWNER_METADATA_KEY]: "victim-sub" }));
    const fake = fakeModel(makeAnalysis({ owner: OWNER, imageKey: "selfies/victim-identity/x.jpg" }));
    await handlerFor(fake)(event(OWNER));
    expect(smMock.commandCalls(InvokeEndpointCommand)).toHaveLength(0);
    expect(fake.statuses()).toEqual(["ANALYZING", "FAILED"]);
    expect(fake.updates.at(-1)?.failure?.code).toBe("IMAGE_MISSING");
  });

  it("records a deleted photo (NoSuchKey) as IMAGE_MISSING", async () => {
    s3Mock
      .on(GetObjectCommand)
      .rejects(Object.assign(new Error("gone"), { name: "NoSuchKey", $metadata: { httpStatusCode: 404 } }));
    const fake = fakeModel(makeAnalysis({ owner: OWNER, imageKey: KEY }));
    await handlerFor(fake)(event(OWNER));
    expect(fake.updates.at(-1)?.failure?.code).toBe("IMAGE_MISSING");
  });

  it("records a failed quality gate with its issues, serialised for AWSJSON", async () => {
    smMock
      .on(InvokeEndpointCommand)
      .resolves({ Body: Uint8ArrayBlobAdapter.fromString(JSON.stringify(BAD_QUALITY_REPORT)) });
    const fake = fakeModel(makeAnalysis({ owner: OWNER, imageKey: KEY }));
    await handlerFor(fake)(event(OWNER));
    const failure = fake.updates.at(-1)?.failure;
    expect(failure).toMatchObject({ code: "QUALITY", retryable: false });
    expect(JSON.parse(String(failure?.issues))).toEqual(BAD_QUALITY_REPORT.quality.issues);
  });

  it("with minutes left, waits out a cold endpoint, marking the record as waking, and completes in one run", async () => {
    smMock
      .on(InvokeEndpointCommand)
      .rejectsOnce(
        Object.assign(new Error("starting"), { name: "ServiceUnavailable", $metadata: { httpStatusCode: 503 } }),
      )
      .rejectsOnce(
        Object.assign(new Error("slow down"), { name: "ThrottlingException", $metadata: { httpStatusCode: 400 } }),
      )
      .resolves({ Body: Uint8ArrayBlobAdapter.fromString(JSON.stringify(makeReport())) });
    const fake = fakeModel(makeAnalysis({ owner: OWNER, imageKey: KEY }));
    await handlerFor(fake, 300_000)(event(OWNER));
    expect(smMock.commandCalls(InvokeEndpointCommand)).toHaveLength(3);
    expect(fake.statuses()).toEqual(["ANALYZING", "ANALYZING", "RECOMMENDING", "COMPLETE"]);
    expect(fake.updates.map((u) => u.modelWaking)).toEqual([null, true, null, null]);
  });

  it("records a throttled endpoint as a retryable failure when no time is left to retry, and completes on the next start", async () => {
    smMock
      .on(InvokeEndpointCommand)
      .rejectsOnce(
        Object.assign(new Error("slow down"), { name: "ThrottlingException", $metadata: { httpStatusCode: 400 } }),
      )
      .resolves({ Body: Uint8ArrayBlobAdapter.fromString(JSON.stringify(makeReport())) });
    const fake = fakeModel(makeAnalysis({ owner: OWNER, imageKey: KEY }));
    const handler = handlerFor(fake);
    await handler(event(OWNER));
    expect(fake.updates.at(-1)?.failure).toMatchObject({ code: "MODEL_THROTTLED", retryable: true });
    await handler(event(OWNER));
    expect(fake.statuses()).toEqual(["ANALYZING", "FAILED", "UPLOADED", "ANALYZING", "RECOMMENDING", "COMPLETE"]);
  });
});
