import { existsSync } from "node:fs";

// Local mode is the embedded default; Amplify mode needs the outputs file `npx ampx sandbox` writes.
const backendMode = process.env.BACKEND_MODE ?? (existsSync("amplify_outputs.json") ? "amplify" : "local");

/** @type {import('next').NextConfig} */
const nextConfig = {
  env: { NEXT_PUBLIC_BACKEND_MODE: backendMode },
  // The analyzer and the local cloud are Node-only: keep native and WASM packages out of the bundles.
  serverExternalPackages: [
    "sharp",
    "better-sqlite3",
    "@vladmandic/human",
    "@tensorflow/tfjs-core",
    "@tensorflow/tfjs-backend-wasm",
  ],
  // `npm test` type-checks the whole repo as its own step; skipping it here halves build time.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
