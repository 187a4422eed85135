import { InvokeEndpointCommand, SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelServer, type ModelServer } from "./server";
import { loadCleanSelfies, selfieJpeg } from "../../lib/analyzer/testing/selfies";
import { skinReportSchema } from "../../lib/domain/skin-report";

let server: ModelServer;
let client: SageMakerRuntimeClient;
let good: Uint8Array;

beforeAll(async () => {
  // One thread keeps the test light on a 2-core box; the pool logic is the same at any size.
  server = await startModelServer({ port: 0, host: "127.0.0.1", workers: 1 });
  const [selfie] = await loadCleanSelfies();
  if (!selfie) throw new Error("no selfie fixture");
  good = await selfieJpeg(selfie);
  await server.ready;
  client = new SageMakerRuntimeClient({
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${server.port}`,
    credentials: { accessKeyId: "AKIDLOCAL", secretAccessKey: "local-secret" },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
});

const base = () => `http://127.0.0.1:${server.port}`;

async function invoke(body: Uint8Array, contentType = "image/jpeg") {
  const out = await client.send(
    new InvokeEndpointCommand({
      EndpointName: "skinsight-analyzer",
      ContentType: contentType,
      Accept: "application/json",
      Body: body,
    }),
  );
  return skinReportSchema.parse(JSON.parse(new TextDecoder().decode(out.Body)));
}

describe("model server behind the SageMaker runtime client", () => {
  it("answers /ping once the model is loaded", async () => {
    const res = await fetch(`${base()}/ping`);
    expect(res.status).toBe(200);
  });

  it("analyses a good selfie into a valid SkinReport with scores", async () => {
    const report = await invoke(good);
    expect(report.quality.ok).toBe(true);
    expect(report.scores).not.toBeNull();
    expect(report.tone).not.toBeNull();
  });

  it("returns 200 with quality.ok=false for a photo that fails the gate", async () => {
    const dark = new Uint8Array(await sharp(good).linear(0.3, 0).jpeg().toBuffer());
    const report = await invoke(dark);
    expect(report.quality.ok).toBe(false);
    expect(report.quality.issues.map((i) => i.code)).toContain("TOO_DARK");
    expect(report.scores).toBeNull();
  });

  it("maps bad bytes to a 4xx with the analyzer's code", async () => {
    const err = await invoke(new TextEncoder().encode("definitely not an image")).then(
      () => null,
      (e: unknown) => e as { name?: string; $metadata?: { httpStatusCode?: number } },
    );
    expect(err?.$metadata?.httpStatusCode).toBe(415);
    expect(err?.name).toBe("UNSUPPORTED_TYPE");

    const jpeg = good.subarray(0, Math.floor(good.length / 3));
    const res = await fetch(`${base()}/invocations`, {
      method: "POST",
      headers: { "content-type": "image/jpeg" },
      body: Buffer.from(jpeg),
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "CORRUPT" });
  });

  it("refuses bodies over 15 MB with 413 and other content types with 415", async () => {
    const big = new Uint8Array(15 * 1024 * 1024 + 10);
    const res = await fetch(`${base()}/invocations`, {
      method: "POST",
      headers: { "content-type": "image/jpeg" },
      body: big,
    });
    expect(res.status).toBe(413);
    const text = await fetch(`${base()}/invocations`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hi",
    });
    expect(text.status).toBe(415);
    expect((await text.json()).code).toBe("UNSUPPORTED_TYPE");
  });

  it("keeps /ping responsive while analyses are queued", async () => {
    const jobs = [invoke(good), invoke(good), invoke(good)];
    const ping = await fetch(`${base()}/ping`);
    expect(ping.status).toBe(200);
    const reports = await Promise.all(jobs);
    expect(reports.every((r) => r.quality.ok)).toBe(true);
  });

  it("404s unknown routes", async () => {
    expect((await fetch(`${base()}/nope`)).status).toBe(404);
  });
});
