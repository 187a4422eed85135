import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  InvokeEndpointCommand,
  ModelError,
  SageMakerRuntimeClient,
  ServiceUnavailable,
  ValidationError,
} from "@aws-sdk/client-sagemaker-runtime";
import { Uint8ArrayBlobAdapter } from "@smithy/core/serde";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { makeReport } from "@/testing/pipeline/fixtures";
import { createSageMakerInvoker, MAX_MODEL_PAYLOAD_BYTES } from "./invoke-model";
import { PipelineError } from "./ports";

const IMAGE = { bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), contentType: "image/jpeg" };
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode }, message: "x" });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => {
      throw new Error("expected a PipelineError");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return (error as PipelineError).code;
}

describe("createSageMakerInvoker with a mocked client", () => {
  // Mock this instance only: the HTTP tests below use real clients.
  const client = new SageMakerRuntimeClient({
    region: "us-east-1",
    credentials: { accessKeyId: "a", secretAccessKey: "b" },
  });
  const sm = mockClient(client);
  const invoke = createSageMakerInvoker({ client, endpointName: "skinsight-model" });
  afterEach(() => sm.reset());
  afterAll(() => sm.restore());

  it("sends the bytes with their content type and asks for JSON, and returns the validated report", async () => {
    sm.on(InvokeEndpointCommand).resolves({ Body: Uint8ArrayBlobAdapter.fromString(JSON.stringify(makeReport())) });
    await expect(invoke(IMAGE)).resolves.toEqual(makeReport());
    const calls = sm.commandCalls(InvokeEndpointCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      EndpointName: "skinsight-model",
      Body: IMAGE.bytes,
      ContentType: "image/jpeg",
      Accept: "application/json",
    });
  });

  it.each([
    ["non-JSON", "<html>oops</html>"],
    ["an empty body", ""],
    ["JSON of the wrong shape", JSON.stringify({ ...makeReport(), version: 99 })],
  ])("rejects %s as MODEL_BAD_OUTPUT", async (_, body) => {
    sm.on(InvokeEndpointCommand).resolves({ Body: Uint8ArrayBlobAdapter.fromString(body) });
    expect(await codeOf(invoke(IMAGE))).toBe("MODEL_BAD_OUTPUT");
  });

  it.each([
    ["ServiceUnavailable", new ServiceUnavailable(meta(503)), "MODEL_UNAVAILABLE"],
    ["ValidationError (no such endpoint)", new ValidationError(meta(400)), "MODEL_UNAVAILABLE"],
    ["ModelError from a 500", new ModelError({ ...meta(424), OriginalStatusCode: 500 }), "MODEL_UNAVAILABLE"],
    ["ModelError from a 415", new ModelError({ ...meta(424), OriginalStatusCode: 415 }), "BAD_IMAGE"],
    [
      "ThrottlingException",
      Object.assign(new Error("slow"), { name: "ThrottlingException", ...meta(400) }),
      "MODEL_THROTTLED",
    ],
    ["a bare 429", Object.assign(new Error("slow"), { name: "Unknown", ...meta(429) }), "MODEL_THROTTLED"],
    ["a 502", Object.assign(new Error("bad gateway"), { name: "Unknown", ...meta(502) }), "MODEL_UNAVAILABLE"],
    ["ECONNREFUSED", Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }), "MODEL_UNAVAILABLE"],
    // What the SDK's node handler throws when the server drops the socket mid-request.
    [
      "a reset labelled TimeoutError",
      Object.assign(new Error("socket hang up"), { name: "TimeoutError", code: "ECONNRESET" }),
      "MODEL_UNAVAILABLE",
    ],
    ["an AbortError", Object.assign(new Error("aborted"), { name: "AbortError" }), "TIMEOUT"],
    ["a plain bug", new TypeError("x is undefined"), "INTERNAL"],
  ])("maps %s to its failure code", async (_, error, code) => {
    sm.on(InvokeEndpointCommand).rejects(error);
    expect(await codeOf(invoke(IMAGE))).toBe(code);
  });

  it("tells a photo that is too small so, not to use a JPEG, PNG or WebP (the container's own code)", async () => {
    const tooSmall = new ModelError({
      ...meta(424),
      OriginalStatusCode: 422,
      OriginalMessage: JSON.stringify({ code: "TOO_SMALL", message: "too small" }),
    });
    sm.on(InvokeEndpointCommand).rejects(tooSmall);
    const error = await invoke(IMAGE).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_IMAGE", userMessage: expect.stringMatching(/too small.*320 pixels/) });
  });

  it("refuses an image over SageMaker serverless's 4 MB request limit before calling, with a clear BAD_IMAGE message", async () => {
    sm.on(InvokeEndpointCommand).resolves({ Body: Uint8ArrayBlobAdapter.fromString(JSON.stringify(makeReport())) });
    const big = { bytes: new Uint8Array(MAX_MODEL_PAYLOAD_BYTES + 1), contentType: "image/jpeg" };
    const error = await invoke(big).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: "BAD_IMAGE", userMessage: expect.stringContaining("up to 4 MB") });
    expect(sm.commandCalls(InvokeEndpointCommand)).toHaveLength(0);
    // Exactly 4 MB still goes through.
    await expect(
      invoke({ bytes: new Uint8Array(MAX_MODEL_PAYLOAD_BYTES), contentType: "image/jpeg" }),
    ).resolves.toEqual(makeReport());
  });

  it("uses a per-call timeout when the caller passes one", async () => {
    sm.on(InvokeEndpointCommand).callsFake(() => new Promise(() => {}));
    const started = Date.now();
    expect(await codeOf(invoke(IMAGE, { timeoutMs: 30 }))).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("gives up with TIMEOUT when the model does not answer in time", async () => {
    sm.on(InvokeEndpointCommand).callsFake(() => new Promise(() => {}));
    const slow = createSageMakerInvoker({ client, endpointName: "skinsight-model", timeoutMs: 30 });
    expect(await codeOf(slow(IMAGE))).toBe("TIMEOUT");
  });
});

/** The real SDK over real HTTP, as local mode runs it: checks how the wire errors surface. */
describe("createSageMakerInvoker against a local HTTP server", () => {
  let server: Server;
  let baseUrl = "";
  const seen: { url?: string; contentType?: string; accept?: string }[] = [];
  let reply: { status: number; body: string; headers?: Record<string, string> } = { status: 200, body: "" };

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: req.url, contentType: req.headers["content-type"], accept: req.headers.accept });
      req.resume();
      req.on("end", () => {
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const clientFor = (endpoint: string) =>
    new SageMakerRuntimeClient({
      region: "us-east-1",
      endpoint,
      maxAttempts: 1,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
    });

  it("posts to /endpoints/{name}/invocations and parses the report", async () => {
    reply = { status: 200, body: JSON.stringify(makeReport()) };
    const invoke = createSageMakerInvoker({ client: clientFor(baseUrl), endpointName: "local-model" });
    await expect(invoke(IMAGE)).resolves.toEqual(makeReport());
    expect(seen.at(-1)).toEqual({
      url: "/endpoints/local-model/invocations",
      contentType: "image/jpeg",
      accept: "application/json",
    });
  });

  it("maps the model's 4xx with a code to BAD_IMAGE", async () => {
    reply = { status: 415, body: JSON.stringify({ code: "UNSUPPORTED_MEDIA", message: "not an image" }) };
    const invoke = createSageMakerInvoker({ client: clientFor(baseUrl), endpointName: "local-model" });
    expect(await codeOf(invoke(IMAGE))).toBe("BAD_IMAGE");
  });

  it("maps a 503 to MODEL_UNAVAILABLE and a 429 to MODEL_THROTTLED", async () => {
    const invoke = createSageMakerInvoker({ client: clientFor(baseUrl), endpointName: "local-model" });
    reply = { status: 503, body: JSON.stringify({ message: "loading" }) };
    expect(await codeOf(invoke(IMAGE))).toBe("MODEL_UNAVAILABLE");
    reply = { status: 429, body: JSON.stringify({ message: "busy" }) };
    expect(await codeOf(invoke(IMAGE))).toBe("MODEL_THROTTLED");
  });

  it("maps a model server that dies mid-request to MODEL_UNAVAILABLE, not TIMEOUT", async () => {
    const dying = createServer((req) => {
      req.resume();
      req.on("end", () => req.socket.destroy());
    });
    await new Promise<void>((resolve) => dying.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(dying.address() as AddressInfo).port}`;
      const invoke = createSageMakerInvoker({ client: clientFor(url), endpointName: "local-model" });
      expect(await codeOf(invoke(IMAGE))).toBe("MODEL_UNAVAILABLE");
    } finally {
      await new Promise<void>((resolve) => dying.close(() => resolve()));
    }
  });

  it("maps a refused connection to MODEL_UNAVAILABLE", async () => {
    // Port 9 (discard) on loopback is closed on test machines, so the connect is refused.
    const invoke = createSageMakerInvoker({ client: clientFor("http://127.0.0.1:9"), endpointName: "local-model" });
    expect(await codeOf(invoke(IMAGE))).toBe("MODEL_UNAVAILABLE");
  });
});
