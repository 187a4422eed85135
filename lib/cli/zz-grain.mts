import { lesionMask } from "../analyzer/candidates";
import { detectorInputs } from "../analyzer/testing/candidate-set";
import { loadSplit } from "../analyzer/testing/photo-set";
import { encodeJpeg } from "../analyzer/testing/selfies";
import { warmUp } from "../analyzer/index";
await warmUp();
const { selfies } = await loadSplit("dev");
for (const s of selfies) {
  const inp = await detectorInputs(await encodeJpeg(s.image));
  if (!inp) { console.log(s.name, "no face"); continue; }
  const mask = lesionMask(inp.ctx);
  const d: number[] = [], e: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) { d.push(inp.s.noiseDark.data[i]!); e.push(inp.s.noiseEi.data[i]!); }
  d.sort((a, b) => a - b); e.sort((a, b) => a - b);
  console.log(s.name.padEnd(22), "dark", d[d.length >> 1]!.toFixed(1), "ei", e[e.length >> 1]!.toFixed(2), "n", d.length);
}
