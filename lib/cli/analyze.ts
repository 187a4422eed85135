import { readFile, writeFile } from "node:fs/promises";
import { AnalyzerInputError, analyzeImage } from "../analyzer";
import { drawOverlay } from "../analyzer/overlay";

const USAGE = "usage: npm run analyze -- <photo> [--overlay out.png]";

async function main(argv: string[]): Promise<number> {
  const overlayAt = argv.indexOf("--overlay");
  const overlayPath = overlayAt >= 0 ? argv[overlayAt + 1] : undefined;
  const photo = argv.find((a, i) => !a.startsWith("--") && (overlayAt < 0 || i !== overlayAt + 1));
  if (!photo || (overlayAt >= 0 && !overlayPath)) {
    console.error(USAGE);
    return 2;
  }
  const bytes = new Uint8Array(await readFile(photo));
  try {
    const report = await analyzeImage(bytes);
    console.log(JSON.stringify(report, null, 2));
    if (overlayPath) {
      await writeFile(overlayPath, await drawOverlay(bytes, report));
      console.error(`overlay written to ${overlayPath}`);
    }
    return 0;
  } catch (err) {
    if (err instanceof AnalyzerInputError) {
      console.error(`${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
