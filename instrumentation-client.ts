import { preferJitlessZod } from "@/lib/browser/zod-jitless";

// Runs in the browser before the app. zod 4 probes for JIT support with `Function("")` the first
// time it parses an object; under our CSP (no 'unsafe-eval') that probe is refused and reported as
// a CSP violation. Jitless parsing skips the probe; the schemas a page parses are small.
preferJitlessZod();
