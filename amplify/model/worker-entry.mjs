// Worker threads start as plain Node: they do not inherit tsx's loader from `tsx serve.ts`,
// `node --import tsx` or Vitest. Registering tsx here makes the TypeScript worker load the same
// way in all three (and in the container).
import { tsImport } from "tsx/esm/api";

await tsImport("./analysis-worker.ts", import.meta.url);
