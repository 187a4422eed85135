// `npm run bench:lighthouse`: Lighthouse mobile performance for the public pages, median of RUNS runs each.
// lighthouse@12.2.3 is the last line that runs on Node 20 (13 needs Node 22); it is fetched with npx rather than
// installed, so the app's dependencies stay as they are. Needs a build (`npm run build`) and Debian Chromium.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3460);
const RUNS = Number(process.env.RUNS ?? 3);
const PAGES = (process.env.PAGES ?? "/,/products,/privacy,/sign-in").split(",");
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
].join(" ");
const base = process.env.BASE_URL ?? `http://localhost:${PORT}`;

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let server = null;
const dataDir = mkdtempSync(join(tmpdir(), "skinsight-lh-"));
if (!process.env.BASE_URL) {
  server = spawn(process.execPath, ["lib/cli/start.mjs"], {
    env: { ...process.env, PORT: String(PORT), DATA_DIR: dataDir },
    stdio: "ignore",
    detached: true,
  });
}
try {
  await waitFor(`${base}/`, 600_000);
  for (const path of PAGES) await fetch(`${base}${path}`); // warm the server's caches once
  console.log(`Lighthouse 12.2.3, mobile preset, ${RUNS} runs per page, median; ${new Date().toISOString()}`);
  console.log("page        score   LCP      FCP      TBT     CLS    transfer");
  for (const path of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const out = join(dataDir, `lh-${i}.json`);
      const result = spawnSync(
        "npx",
        [
          "-y",
          "lighthouse@12.2.3",
          `${base}${path}`,
          "--quiet",
          "--only-categories=performance",
          "--output=json",
          `--output-path=${out}`,
          `--chrome-flags=${CHROME_FLAGS}`,
        ],
        { env: { ...process.env, CHROME_PATH }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" },
      );
      if (result.status !== 0) throw new Error(`lighthouse failed on ${path}: ${result.stderr.slice(-500)}`);
      const lhr = JSON.parse(readFileSync(out, "utf8"));
      const a = lhr.audits;
      runs.push({
        score: Math.round(lhr.categories.performance.score * 100),
        lcp: a["largest-contentful-paint"].numericValue,
        fcp: a["first-contentful-paint"].numericValue,
        tbt: a["total-blocking-time"].numericValue,
        cls: a["cumulative-layout-shift"].numericValue,
        kb: a["total-byte-weight"].numericValue / 1024,
      });
    }
    const m = (k) => median(runs.map((r) => r[k]));
    console.log(
      `${path.padEnd(10)}  ${String(m("score")).padStart(5)}  ${(m("lcp") / 1000).toFixed(2)} s  ${(m("fcp") / 1000).toFixed(2)} s  ${m("tbt").toFixed(0).padStart(4)} ms  ${m("cls").toFixed(3)}  ${m("kb").toFixed(0)} KiB` +
        `  (scores ${runs.map((r) => r.score).join(", ")})`,
    );
  }
} finally {
  if (server) process.kill(-server.pid, "SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}
