import createNextIntlPlugin from "next-intl/plugin";
import { resolveBuildConfig } from "./lib/backend/build-config.mjs";

// The locale comes from a cookie or Accept-Language, not the URL (lib/i18n/request.ts).
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Local mode is the embedded default; Amplify mode needs the outputs file `npx ampx sandbox` writes,
// which is compiled in at build time (lib/backend/build-config.mjs).
const build = resolveBuildConfig(process.env);

/** @type {import('next').NextConfig} */
const nextConfig = {
  env: { NEXT_PUBLIC_BACKEND_MODE: build.mode, NEXT_PUBLIC_AMPLIFY_OUTPUTS: build.outputsJson },
  // A second build (the Amplify-mode smoke e2e) goes elsewhere, so it never replaces the local one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
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
  // The message files are read from disk per namespace (lib/i18n/load-messages.ts), which tracing cannot see.
  outputFileTracingIncludes: { "*": ["./lib/i18n/messages/**/*.json"] },
  // No page uses next/image: with this, Next's own /_next/image handler answers 404 instead of
  // fetching `?url=` (proxy.ts answers that path first; this covers a host that skips the proxy).
  images: { unoptimized: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
