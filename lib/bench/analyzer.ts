/**
 * npm run bench:analyzer — prints the analyzer's speed and memory figures (a benchmark, not a test).
 * Goals on the 2-core dev box: total ≤ 2.5× (decode + face-mesh detect) p50 in the same run, cold start
 * ≤ 1.5 s, peak RSS ≤ 500 MB.
 */
const t0 = performance.now();

type Stats = { p50: number; p95: number; mean: number };
function stats(values: number[]): Stats {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1)))] ?? 0;
  return { p50: at(50), p95: at(95), mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}
const ms = (v: number) => `${v.toFixed(0)} ms`;

async function main(): Promise<void> {
  const { analyzeImage, warmUp } = await import("../analyzer/index");
  const { loadCleanSelfies, selfieJpeg } = await import("../analyzer/testing/selfies");

  // Fixtures first (their face detection would otherwise count as model load).
  const selfies = await loadCleanSelfies();
  const photos = await Promise.all(selfies.map((s) => selfieJpeg(s)));
  const first = photos[0];
  if (!first) throw new Error("no fixtures");
  const fixturesMs = performance.now() - t0;

  // Cold start in a fresh process: module load + model load + first analysis.
  const { execFileSync } = await import("node:child_process");
  const { writeFileSync, mkdtempSync, rmSync } = await import("node:fs");
  const os = await import("node:os");
  const path = await import("node:path");
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-cold-"));
  writeFileSync(path.join(dir, "photo.jpg"), first);
  const script = `const t=performance.now();import("${path.resolve("lib/analyzer/index.ts")}").then(async(m)=>{const b=new Uint8Array(require("node:fs").readFileSync("${path.join(dir, "photo.jpg")}"));const a=m.analyzeImage??m.default.analyzeImage;await a(b);console.log(JSON.stringify({cold:performance.now()-t}))})`;
  const coldRuns: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const out = execFileSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8" });
      coldRuns.push((JSON.parse(out.trim().split("\n").pop() ?? "{}") as { cold: number }).cold);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  await warmUp();
  for (const p of photos.slice(0, 3)) await analyzeImage(p);

  const totals: number[] = [];
  const stages = new Map<string, number[]>();
  const N = 40;
  for (let i = 0; i < N; i++) {
    const photo = photos[i % photos.length] ?? first;
    const start = performance.now();
    const report = await analyzeImage(photo);
    totals.push(performance.now() - start);
    for (const [k, v] of Object.entries(report.timings)) stages.set(k, [...(stages.get(k) ?? []), v]);
  }

  const analyzerRss = process.resourceUsage().maxRSS / 1024;

  // The server as the local backend runs it: a child process, PORT=0, 2 analysis threads.
  const { spawn } = await import("node:child_process");
  const { readFileSync } = await import("node:fs");
  const { ANALYZER_NODE_FLAGS } = await import("../analyzer/heap-flags");
  const child = spawn(process.execPath, [...ANALYZER_NODE_FLAGS, "--import", "tsx", "amplify/model/serve.ts"], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", MODEL_WORKERS: "2" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const spawnedAt = performance.now();
  const port = await new Promise<number>((resolve, reject) => {
    let buf = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buf += chunk.toString();
      const line = buf.split("\n").find((l) => l.includes('"ready"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once("exit", (code) => reject(new Error(`model server exited with ${code}`)));
  });
  const serverReadyMs = performance.now() - spawnedAt;
  const url = `http://127.0.0.1:${port}/invocations`;
  const post = async (body: Uint8Array) => {
    const s = performance.now();
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "image/jpeg" },
      body: Buffer.from(body),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`server answered ${res.status}`);
    return performance.now() - s;
  };
  for (const p of photos.slice(0, 2)) await post(p);
  const single: number[] = [];
  for (let i = 0; i < 10; i++) single.push(await post(photos[i % photos.length] ?? first));
  const concurrent: number[] = [];
  for (let i = 0; i < 12; i++) {
    const pair = await Promise.all([
      post(photos[i % photos.length] ?? first),
      post(photos[(i + 1) % photos.length] ?? first),
    ]);
    concurrent.push(...pair);
  }
  // VmHWM: the server process's peak resident set, worker threads included (Linux only).
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const exitCode = await exited;

  const t = stats(totals);
  const cold = stats(coldRuns);
  // The floor no analyzer can beat: decoding the photo and finding the face mesh. The ratio says what
  // the skin metrics cost on top, measured in this same run so machine speed cancels.
  const decodeDetect = (stages.get("decode") ?? []).map((d, i) => d + (stages.get("detect")?.[i] ?? 0));
  const floor = stats(decodeDetect).p50;
  const lines = [
    `fixtures prepared in ${ms(fixturesMs)} (${photos.length} selfies, 1024 px)`,
    `cold start (fresh process: import + model load + first analysis): p50 ${ms(cold.p50)} over ${coldRuns.length} runs [${coldRuns.map(ms).join(", ")}]  goal ≤ 1500 ms`,
    `warm in-process analyzeImage: p50 ${ms(t.p50)}, p95 ${ms(t.p95)}, mean ${ms(t.mean)} over ${N}  goal p50 ≤ 150 ms`,
    `total p50 / (decode + face-mesh detect) p50: ${(t.p50 / Math.max(1, floor)).toFixed(2)} (${ms(t.p50)} / ${ms(floor)})  goal ≤ 2.5`,
    "per-stage p50:",
    ...[...stages.entries()].map(([k, v]) => `  ${k.padEnd(10)} ${ms(stats(v).p50)}`),
    `peak RSS, analyzer in one process (one model, ${N} analyses): ${analyzerRss.toFixed(0)} MB  goal ≤ 500 MB`,
    `model server (child process, 2 threads): ready line after ${ms(serverReadyMs)}`,
    `server, 1 request at a time: p50 ${ms(stats(single).p50)}`,
    `server, 2 concurrent requests: p50 ${ms(stats(concurrent).p50)}, p95 ${ms(stats(concurrent).p95)}`,
    `server peak RSS (main + 2 analysis threads): ${hwm ? `${(Number(hwm) / 1024).toFixed(0)} MB` : "n/a"}; SIGTERM exit code ${exitCode}`,
  ];
  console.log(lines.join("\n"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
