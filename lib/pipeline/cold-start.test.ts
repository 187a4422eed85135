import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SageMakerRuntimeClient } from "@aws-sdk/client-sagemaker-runtime";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeAnalysis, makeFakePorts, makeReport } from "@/testing/pipeline/fixtures";
import { createSageMakerInvoker } from "./invoke-model";
import type { ModelRetryPolicy } from "./ports";
import { runAnalysis } from "./run-analysis";
import type { Recommendation } from "../domain/recommend/recommendation";

const recommend = vi.hoisted(() => vi.fn());
vi.mock("../domain/recommend", () => ({ recommend }));
const RECOMMENDATION: Recommendation = {
  picks: [],
  routine: { am: [], pm: [] },
  warnings: [],
  notes: [],
  limitedBy: [],
  surveyOnly: false,
};

/**
 * A model server that is "cold" until `wakeAt`: like a serverless container still starting, it
 * either holds requests without answering or answers 503, then serves reports. The pipeline talks
 * to it through the real SageMaker runtime client, as the Lambda does.
 */
type ColdBehaviour = "hang" | "503";
let server: Server;
let endpoint = "";
let wakeAt = 0;
let behaviour: ColdBehaviour = "hang";
let requests = 0;

beforeEach(async () => {
  recommend.mockReturnValue(RECOMMENDATION);
  requests = 0;
  server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on("end", () => {
      if (Date.now() < wakeAt) {
        if (behaviour === "hang") return; // the client's timeout ends this request
        res.writeHead(503, { "content-type": "application/json", "x-amzn-errortype": "ServiceUnavailable" });
        res.end(JSON.stringify({ message: "starting" }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(makeReport()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function portsFor(budgetMs: number) {
  const client = new SageMakerRuntimeClient({
    region: "us-east-1",
    endpoint,
    maxAttempts: 1,
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
  });
  const deadline = Date.now() + budgetMs;
  // The production policy scaled down ~300× so the test runs in about a second.
  const modelRetry: ModelRetryPolicy = {
    remainingMs: () => deadline - Date.now(),
    attemptTimeoutMs: 200,
    minAttemptMs: 50,
    baseDelayMs: 20,
    maxDelayMs: 100,
  };
  const invokeModel = createSageMakerInvoker({ client, endpointName: "skinsight-model" });
  return makeFakePorts(makeAnalysis(), { invokeModel, modelRetry });
}

describe("runAnalysis against a model that is cold at first", () => {
  it.each<ColdBehaviour>(["hang", "503"])(
    "waits for it (%s while cold), shows the waking stage, then completes",
    async (cold) => {
      behaviour = cold;
      wakeAt = Date.now() + 600;
      const fake = portsFor(5_000);
      const result = await runAnalysis("a1", fake.ports);

      expect(result.status).toBe("COMPLETE");
      expect(requests).toBeGreaterThan(1);
      expect(fake.statuses()).toEqual(["ANALYZING", "ANALYZING", "RECOMMENDING", "COMPLETE"]);
      expect(fake.saves.map((s) => s.modelWaking ?? false)).toEqual([false, true, false, false]);
      expect(result).not.toHaveProperty("modelWaking");
    },
  );

  it("gives up within its budget with a retryable failure when the model never wakes", async () => {
    behaviour = "hang";
    wakeAt = Number.POSITIVE_INFINITY;
    const started = Date.now();
    const fake = portsFor(1_000);
    const result = await runAnalysis("a1", fake.ports);

    // The last attempt is cut to what is left; the slack is the abort and the FAILED save.
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result.failure).toMatchObject({ code: "TIMEOUT", retryable: true });
    expect(fake.statuses()).toEqual(["ANALYZING", "ANALYZING", "FAILED"]);
    expect(requests).toBeGreaterThan(1);
  });

  it("calls a warm model once and never shows the waking stage", async () => {
    wakeAt = 0;
    const fake = portsFor(5_000);
    await runAnalysis("a1", fake.ports);
    expect(requests).toBe(1);
    expect(fake.statuses()).toEqual(["ANALYZING", "RECOMMENDING", "COMPLETE"]);
  });
});
