import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    // Analyzer and local-cloud tests start servers and load WASM; give them room on a 2-core box.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["lib/**/*.test.ts", "amplify/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          // Components rendered in jsdom with React Testing Library and a fake BackendPort (components/testing/), and
          // the few page-private ones under app/.
          name: "components",
          include: ["components/**/*.test.tsx", "app/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["components/testing/setup.ts"],
        },
      },
    ],
  },
});
