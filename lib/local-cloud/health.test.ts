import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelStub, type ModelStub } from "@/testing/local-cloud/model-stub";
import { rawRequest } from "@/testing/local-cloud/raw-request";
import { BUILD_TIMEOUT_MS, prepareBuild, startServer, type RunningServer } from "@/testing/local-cloud/server";
import { holdsDiagnosticsToken } from "./health";

const TOKEN = "a-diagnostics-token-for-tests";

describe("the diagnostics token", () => {
  it.each([
    ["the right token", `Bearer ${TOKEN}`, TOKEN, true],
    ["another token", "Bearer a-different-token-of-length", TOKEN, false],
    ["the token with a prefix missing", TOKEN, TOKEN, false],
    ["a token cut short", `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, false],
    ["no header", null, TOKEN, false],
    ["no token configured", "Bearer ", undefined, false],
    ["no token configured, empty", "Bearer ", "", false],
  ] as const)("%s → %s", (_name, header, token, expected) => {
    expect(holdsDiagnosticsToken(header, token)).toBe(expected);
  });
});

describe("over HTTP", () => {
  let server: RunningServer;
  let stub: ModelStub;
  let appDir: string;
  let dataDir: string;

  beforeAll(async () => {
    stub = await startModelStub();
    appDir = prepareBuild();
    dataDir = mkdtempSync(join(tmpdir(), "skinsight-health-"));
    server = await startServer(appDir, { DATA_DIR: dataDir, MODEL_ENDPOINT_URL: stub.url, DIAGNOSTICS_TOKEN: TOKEN });
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await server?.stop();
    await stub?.close();
    for (const dir of [dataDir, appDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("tells an anonymous caller only that the server is up: no endpoint, process id or counts", async () => {
    const response = await rawRequest(server.url, "/api/health");
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: "ok" });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });

  it.each([
    ["no Authorization", {}],
    ["a wrong token", { authorization: "Bearer not-the-diagnostics-token" }],
    ["the token without Bearer", { authorization: TOKEN }],
  ])("diagnostics with %s → 404, as for a path that does not exist", async (_name, headers) => {
    const response = await rawRequest(server.url, "/api/local/diagnostics", { headers });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(stub.url);
  });

  it("shows the parts to the token's holder", async () => {
    const response = await rawRequest(server.url, "/api/local/diagnostics", {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: true,
      db: { ok: true },
      model: { status: "external", endpoint: stub.url, ok: true },
      jobs: { active: 0, queued: 0 },
      streams: 0,
    });
  });
});
