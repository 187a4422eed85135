import sharp from "sharp";
import type { SkinReport } from "../domain/skin-report";

/** Draws the regions and findings of a report over the photo (EXIF-oriented) and returns PNG bytes. */
export async function drawOverlay(bytes: Uint8Array, report: SkinReport): Promise<Buffer> {
  const { width: w, height: h } = report.image;
  const stroke = Math.max(1, Math.round(Math.min(w, h) / 400));
  const parts: string[] = [];
  for (const [name, region] of Object.entries(report.regions)) {
    if (!region) continue;
    const pts = region.polygon.map(([x, y]) => `${(x * w).toFixed(1)},${(y * h).toFixed(1)}`).join(" ");
    parts.push(
      `<polygon points="${pts}" fill="none" stroke="#38bdf8" stroke-width="${stroke}"><title>${name}</title></polygon>`,
    );
  }
  for (const f of report.findings) {
    const colour = f.type === "lesion" ? "#ef4444" : "#f59e0b";
    const r = Math.max(3 * stroke, f.r * w * 1.6);
    parts.push(
      `<circle cx="${(f.x * w).toFixed(1)}" cy="${(f.y * h).toFixed(1)}" r="${r.toFixed(1)}" fill="none" stroke="${colour}" stroke-width="${stroke}"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${parts.join("")}</svg>`;
  return sharp(bytes)
    .rotate()
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .png()
    .toBuffer();
}
