// `npm run bench:local`: latency of the local cloud end to end, on a real server with the real
// model child. Prints figures; asserts nothing about time (that is what benchmarks are for).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadTestSelfie } from "@/testing/local-cloud/selfie";
import { prepareBuild, startServer, waitHealthy } from "@/testing/local-cloud/server";
import { CONTRACT_SURVEY, uniqueEmail } from "../backend/contract/fixtures";
import { createNodeLocalBackend } from "../backend/contract/node-client";
import { observe } from "../backend/contract/observe";
import type { BackendPort } from "../backend/port";

const SEQUENTIAL_RUNS = Number(process.env.BENCH_RUNS ?? 10);
const CONCURRENT_USERS = Number(process.env.BENCH_USERS ?? 20);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const fmt = (ms: number) => `${Math.round(ms)} ms`;
const summary = (values: number[]) =>
  `p50 ${fmt(percentile(values, 50))}  p95 ${fmt(percentile(values, 95))}  max ${fmt(Math.max(...values))}  (n=${values.length})`;

async function newUser(url: string): Promise<BackendPort> {
  const { backend } = createNodeLocalBackend(url);
  await backend.signUp(uniqueEmail("bench"), "Correct horse battery 42");
  return backend;
}

/** Upload → start → COMPLETE event; returns ms from the start of the upload to the event. */
async function timeOneAnalysis(backend: BackendPort, selfie: Blob): Promise<number> {
  const analysis = await backend.createAnalysis(CONTRACT_SURVEY);
  const seen = observe(backend, analysis.id);
  await seen.waitFor((a) => a.status === "CREATED", 30_000);
  const started = performance.now();
  await backend.uploadSelfie(analysis.id, selfie);
  await backend.startAnalysis(analysis.id);
  const done = await seen.waitFor((a) => a.status === "COMPLETE" || a.status === "FAILED", 120_000);
  const elapsed = performance.now() - started;
  seen.stop();
  if (done.status !== "COMPLETE") throw new Error(`analysis ended ${done.status}: ${done.failure?.code}`);
  return elapsed;
}

async function timeHomePage(url: string, until: () => boolean): Promise<number[]> {
  const times: number[] = [];
  while (!until()) {
    const started = performance.now();
    const response = await fetch(`${url}/`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 50));
  }
  return times;
}

async function main(): Promise<void> {
  const appDir = prepareBuild();
  const dataDir = mkdtempSync(join(tmpdir(), "skinsight-bench-"));
  const server = await startServer(appDir, { DATA_DIR: dataDir });
  try {
    await waitHealthy(server.url);
    const selfie = new Blob([new Uint8Array(await loadTestSelfie())], { type: "image/jpeg" });

    // Warm-up: the first analysis pays for JIT and the model's first inference.
    const warm = await newUser(server.url);
    await timeOneAnalysis(warm, selfie);

    let idleDone = false;
    const idleTimer = setTimeout(() => (idleDone = true), 3000);
    const idleHome = await timeHomePage(server.url, () => idleDone);
    clearTimeout(idleTimer);

    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL_RUNS; i++) sequential.push(await timeOneAnalysis(warm, selfie));

    const users = await Promise.all(Array.from({ length: CONCURRENT_USERS }, () => newUser(server.url)));
    let loadDone = false;
    const homeUnderLoad = timeHomePage(server.url, () => loadDone);
    const wallStart = performance.now();
    const results = await Promise.allSettled(users.map((u) => timeOneAnalysis(u, selfie)));
    const wall = performance.now() - wallStart;
    loadDone = true;
    const loadHome = await homeUnderLoad;
    const concurrent = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const lost = results.filter((r) => r.status === "rejected");

    console.log("\nSkinsight local cloud bench (real server, real model child)");
    console.log(`upload → COMPLETE, sequential:          ${summary(sequential)}   goal p50 ≤ 1000 ms`);
    console.log(`upload → COMPLETE, ${CONCURRENT_USERS} concurrent users: ${summary(concurrent)}   goal p95 ≤ 6000 ms`);
    console.log(`  completed ${concurrent.length}/${CONCURRENT_USERS}, lost ${lost.length}, wall ${fmt(wall)}`);
    for (const failure of lost) console.log(`  lost: ${failure.status === "rejected" ? String(failure.reason) : ""}`);
    console.log(`GET / idle:                             ${summary(idleHome)}`);
    console.log(`GET / under the ${CONCURRENT_USERS}-user load:          ${summary(loadHome)}   goal p95 ≤ 200 ms`);
    console.log(
      `  GET / p95 under load ÷ idle p95: ${(percentile(loadHome, 95) / percentile(idleHome, 95)).toFixed(1)}×`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(appDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
