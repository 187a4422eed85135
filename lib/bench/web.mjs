// `npm run bench:web`: gzipped First Load JS (and CSS) per app route, read from the last `next build`.
// First Load JS = the framework's root chunks + every chunk the route's layouts, boundaries and page
// list in their client-reference manifest. Chunks loaded later with import() are reported separately.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";

const NEXT = ".next";
const GOALS = { "/analyze": 250 };

if (!existsSync(join(NEXT, "BUILD_ID"))) {
  console.error("No build found. Run `npx next build` first.");
  process.exit(1);
}

const gzCache = new Map();
function gzKb(file) {
  const path = join(NEXT, file.replace(/^\/?_next\//, ""));
  if (!gzCache.has(path))
    gzCache.set(path, existsSync(path) ? gzipSync(readFileSync(path), { level: 9 }).length / 1024 : 0);
  return gzCache.get(path);
}

function findManifests(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...findManifests(path));
    else if (entry === "page_client-reference-manifest.js") out.push(path);
  }
  return out;
}

function readManifest(path) {
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(path, "utf8"), sandbox);
  return Object.values(sandbox.__RSC_MANIFEST ?? {})[0];
}

const build = JSON.parse(readFileSync(join(NEXT, "build-manifest.json"), "utf8"));
const root = build.rootMainFiles ?? [];
const appServer = join(NEXT, "server", "app");
const rows = [];

for (const path of findManifests(appServer)) {
  const route = "/" + relative(appServer, path).split(sep).slice(0, -1).join("/");
  if (route.startsWith("/api") || route === "/_not-found" || route.startsWith("/_global-error")) continue;
  const manifest = readManifest(path);
  const js = new Set(root);
  for (const files of Object.values(manifest?.entryJSFiles ?? {})) for (const f of files) js.add(f);
  const css = new Set();
  for (const files of Object.values(manifest?.entryCSSFiles ?? {}))
    for (const f of files) css.add(typeof f === "string" ? f : f.path);
  const jsKb = [...js].reduce((sum, f) => sum + gzKb(f), 0);
  const cssKb = [...css].reduce((sum, f) => sum + gzKb(f), 0);
  rows.push({ route: route === "/" ? "/" : route.replace(/\/$/, ""), jsKb, cssKb });
}

rows.sort((a, b) => a.route.localeCompare(b.route));
const width = Math.max(...rows.map((r) => r.route.length), 5);
console.log(`${"Route".padEnd(width)}  First Load JS (gz)  CSS (gz)  Goal`);
let failed = false;
for (const { route, jsKb, cssKb } of rows) {
  const goal = GOALS[route];
  const verdict = goal === undefined ? "" : jsKb <= goal ? `≤ ${goal} KB ✓` : `> ${goal} KB ✗`;
  if (goal !== undefined && jsKb > goal) failed = true;
  console.log(
    `${route.padEnd(width)}  ${jsKb.toFixed(1).padStart(11)} KB  ${cssKb.toFixed(1).padStart(5)} KB  ${verdict}`,
  );
}
const shared = root.reduce((sum, f) => sum + gzKb(f), 0);
console.log(`\nShared by all routes (framework root chunks): ${shared.toFixed(1)} KB gz`);
// A benchmark reports; it does not fail the build. The goal verdict is printed above.
if (failed) console.log("Note: a route is over its First Load JS goal.");
