// Runs Vitest on the Node that started this script, after checking it is the major version asked
// for. `npm run test:node24` starts it through `npx -p node@24` (Node from the npm registry), so
// the code that ships to Lambda nodejs24.x and the node:24 model image is tested on Node 24 while
// the app and the rest of the suite stay on the machine's Node.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const [major, ...filters] = process.argv.slice(2);
const actual = process.versions.node.split(".")[0];
if (!major || actual !== major) {
  console.error(`vitest-on-node: expected Node ${major ?? "<major>"}, running ${process.version}`);
  process.exit(1);
}
console.error(`vitest-on-node: Node ${process.version}: ${filters.join(" ")}`);
const result = spawnSync(process.execPath, [join("node_modules", "vitest", "vitest.mjs"), "run", ...filters], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
