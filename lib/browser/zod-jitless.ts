/**
 * zod 4 keeps its settings on `globalThis.__zod_globalConfig` and adopts an object already there when it loads
 * (zod/v4/core/core.js). Setting `jitless` there, instead of calling `z.config`, lets the code that runs before
 * the app (instrumentation-client.ts) configure zod without importing it: the import put all of zod (31 KB gz)
 * into every page's first-load JS, pages that never parse anything included.
 */
const KEY = "__zod_globalConfig";

export function preferJitlessZod(scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>) {
  const existing = scope[KEY];
  const config = typeof existing === "object" && existing !== null ? existing : {};
  scope[KEY] = Object.assign(config, { jitless: true });
}
