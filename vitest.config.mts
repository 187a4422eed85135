import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "amplify/**/*.test.ts", "components/**/*.test.ts"],
    environment: "node",
    // Analyzer and local-cloud tests start servers and load WASM; give them room on a 2-core box.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
