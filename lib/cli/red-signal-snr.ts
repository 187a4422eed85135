/**
 * npm run diagnose:red-snr — would a colour matched filter lift the injected SNR of planted red lesions? (dev only)
 * Per lesion: the rise it adds in (dEi, dDark) and in per-channel optical density (−100·ln linear R, G, B),
 * each contrast to the skin background and blurred as lesions.ts does; the local noise covariance from the
 * same photo unplanted (σ 24 px window over skin); then the SNR of EI alone, the current sum, and the
 * matched filter with the oracle signature (the lesion's own rise) and with the group's median signature.
 * "below peak" rows: the lesions the statistic before the matched filter, (zEi + max(0, zDark))/√2 or zEi,
 * left below 2.2. Plants what the evaluation plants (seed 7000, four melanin levels, as taken).
 */
import { lesionMask } from "../analyzer/candidates";
import { decodePhoto } from "../analyzer/decode";
import { cropFace, findFaces, workToCrop } from "../analyzer/face-crop";
import { analyzeImage, warmUp } from "../analyzer/index";
import { computeSignals } from "../analyzer/lesions";
import { contrastToBackground, smallMask, smallMaskedBlur, smallMaskWeight } from "../analyzer/masked-blur";
import { gaussianBlur, makePlane, robustStats, type Plane } from "../analyzer/planes";
import { buildSkinContext, type SkinContext } from "../analyzer/skin-context";
import { MELANIN_LEVELS } from "../analyzer/testing/evaluation";
import { plantVaried } from "../analyzer/testing/lesion-generator";
import { loadSplit } from "../analyzer/testing/photo-set";
import { makeRng, retone } from "../analyzer/testing/plant";
import { encodeJpeg } from "../analyzer/testing/selfies";
import { strongestWithin } from "../analyzer/testing/spot-misses";
import { TONE_CATEGORIES } from "../domain/skin-report";

const lin = (v: number) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};
const LN = new Float32Array(256).map((_, i) => -100 * Math.log(lin(i) + 0.001));

function odPlanes(ctx: SkinContext): Plane[] {
  const skinSmall = smallMask(ctx.faceSkin, ctx.width, ctx.height);
  const weight = smallMaskWeight(skinSmall, 12);
  return [0, 1, 2].map((c) => {
    const p = makePlane(ctx.width, ctx.height);
    for (let i = 0; i < p.data.length; i++) p.data[i] = LN[ctx.image.data[3 * i + c] ?? 0] ?? 0;
    const d = contrastToBackground(p, smallMaskedBlur(p, ctx.faceSkin, 12), weight, 1);
    return gaussianBlur(d, 1.5);
  });
}

/** Gaussian-weighted covariance of planes over skin around (x, y), each clipped at 2.5 face-wide σ. */
function localCov(planes: Plane[], mask: Uint8Array, caps: number[], x: number, y: number): number[][] {
  const k = planes.length;
  const C = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const { width: w, height: h } = planes[0] as Plane;
  let W = 0;
  const v = new Array<number>(k).fill(0);
  for (let py = Math.max(0, Math.round(y) - 48); py < Math.min(h, Math.round(y) + 48); py++)
    for (let px = Math.max(0, Math.round(x) - 48); px < Math.min(w, Math.round(x) + 48); px++) {
      const i = py * w + px;
      if (!mask[i]) continue;
      const g = Math.exp(-((px - x) ** 2 + (py - y) ** 2) / (2 * 24 * 24));
      for (let a = 0; a < k; a++) {
        const c = caps[a] as number;
        v[a] = Math.max(-c, Math.min(c, (planes[a] as Plane).data[i] ?? 0));
      }
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++)
          (C[a] as number[])[b] = ((C[a] as number[])[b] ?? 0) + g * (v[a] ?? 0) * (v[b] ?? 0);
      W += g;
    }
  return C.map((row) => row.map((c) => c / Math.max(1e-9, W)));
}

function inverse(C: number[][]): number[][] {
  const n = C.length;
  const A = C.map((r, i) => [...r, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let i = 0; i < n; i++) {
    const row = A[i] as number[];
    row[i] = (row[i] ?? 0) + 1e-6;
    let p = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(A[r]?.[i] ?? 0) > Math.abs(A[p]?.[i] ?? 0)) p = r;
    [A[i], A[p]] = [A[p] as number[], A[i] as number[]];
    const piv = A[i] as number[];
    const d = piv[i] ?? 1;
    for (let j = 0; j < 2 * n; j++) piv[j] = (piv[j] ?? 0) / d;
    for (let r = 0; r < n; r++) {
      if (r === i) continue;
      const f = A[r]?.[i] ?? 0;
      for (let j = 0; j < 2 * n; j++) (A[r] as number[])[j] = (A[r]?.[j] ?? 0) - f * (piv[j] ?? 0);
    }
  }
  return A.map((r) => r.slice(n));
}
const quad = (a: number[], M: number[][], b: number[]) =>
  a.reduce((s, ai, i) => s + ai * b.reduce((t, bj, j) => t + (M[i]?.[j] ?? 0) * bj, 0), 0);
const mf = (s: number[], Ci: number[][], d: number[]) => quad(s, Ci, d) / Math.sqrt(Math.max(1e-9, quad(s, Ci, s)));

type Row = {
  group: string;
  zone: string;
  below: boolean;
  d2: number[];
  C2: number[][];
  d3: number[];
  C3: number[][];
  zNow: number;
  /** Planted diameter band, mm. */
  size: string;
};

async function main(): Promise<void> {
  await warmUp();
  const { selfies } = await loadSplit("dev");
  const rows: Row[] = [];
  for (const [i, s] of selfies.entries()) {
    for (const melanin of MELANIN_LEVELS) {
      const img = retone(s.image, melanin, s.face.mesh);
      const clean = await encodeJpeg(img);
      const rng = makeRng(7000 + 97 * i + Math.round(melanin * 10));
      const lesions = plantVaried(img, s.face.mesh, { type: "lesion", count: 12, rng });
      plantVaried(img, s.face.mesh, { type: "spot", count: 6, rng, avoid: lesions });
      const planted = await encodeJpeg(img);
      const report = await analyzeImage(planted);
      if (!report.quality.ok) continue;
      const photo = await decodePhoto(planted);
      const face = (await findFaces(photo.work))[0];
      if (!face) continue;
      const ctx = buildSkinContext(await cropFace(photo.work, face));
      const sig = computeSignals(ctx);
      const mask = lesionMask(ctx);
      const zNowPlane = makePlane(ctx.width, ctx.height);
      for (let j = 0; j < zNowPlane.data.length; j++) {
        const ei = sig.zEi.data[j] ?? 0;
        zNowPlane.data[j] = Math.max(ei, (ei + Math.max(0, sig.zDark.data[j] ?? 0)) / Math.SQRT2);
      }
      const od = odPlanes(ctx);
      const bare = buildSkinContext(await cropFace((await decodePhoto(clean)).work, face));
      if (bare.width !== ctx.width || bare.height !== ctx.height) continue;
      const bs = computeSignals(bare);
      const bod = odPlanes(bare);
      const b2 = [bs.dEi, bs.dDark];
      const caps2 = b2.map((p) => 2.5 * robustStats(p.data, bare.faceSkin).sigma);
      const caps3 = bod.map((p) => 2.5 * robustStats(p.data, bare.faceSkin).sigma);
      const k = photo.workScale * ctx.crop.scale;
      const group = report.tone?.category ?? "unknown";
      for (const t of lesions) {
        const [cx, cy] = workToCrop(ctx.crop, t.x * photo.workScale, t.y * photo.workScale);
        const x = cx - ctx.origin.x;
        const y = cy - ctx.origin.y;
        const r = t.r * k;
        const top = strongestWithin(sig.dEi, x, y, r + 1);
        if (top.index < 0) continue;
        const at = top.index;
        const d2 = [
          (sig.dEi.data[at] ?? 0) - (bs.dEi.data[at] ?? 0),
          (sig.dDark.data[at] ?? 0) - (bs.dDark.data[at] ?? 0),
        ];
        const d3 = od.map((p, c) => (p.data[at] ?? 0) - (bod[c]?.data[at] ?? 0));
        const zNow = strongestWithin(zNowPlane, x, y, r + 1).z;
        rows.push({
          group,
          zone: t.zone,
          below: zNow < 2.2 && !!mask[at],
          d2,
          C2: localCov(b2, bare.faceSkin, caps2, x, y),
          d3,
          C3: localCov(bod, bare.faceSkin, caps3, x, y),
          zNow,
          size: `${Math.min(3, Math.floor(t.diameterMm))}–${Math.min(4, Math.floor(t.diameterMm) + 1)} mm`,
        });
      }
    }
    console.error(`${s.name}: ${rows.length}`);
  }
  const med = (v: number[]) => {
    const s = v.filter(Number.isFinite).sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)] ?? NaN;
  };
  // Group signatures: the median unit direction of the rise (physical units).
  const unit = (d: number[]) => {
    const n = Math.hypot(...d);
    return d.map((v) => v / Math.max(1e-9, n));
  };
  const sig2: Record<string, number[]> = {};
  const sig3: Record<string, number[]> = {};
  for (const g of [...TONE_CATEGORIES, "unknown"]) {
    const of = rows.filter((r) => r.group === g);
    if (!of.length) continue;
    sig2[g] = [0, 1].map((c) => med(of.map((r) => unit(r.d2)[c] ?? 0)));
    sig3[g] = [0, 1, 2].map((c) => med(of.map((r) => unit(r.d3)[c] ?? 0)));
  }
  console.log("group signatures (dEi, dDark):", JSON.stringify(sig2));
  console.log("group signatures (odR, odG, odB):", JSON.stringify(sig3));
  const line = (label: string, of: Row[]) => {
    const f = (fn: (r: Row) => number) => med(of.map(fn)).toFixed(2);
    const rho = (r: Row) => (r.C2[0]?.[1] ?? 0) / Math.sqrt((r.C2[0]?.[0] ?? 1) * (r.C2[1]?.[1] ?? 1));
    const rho3 = (a: number, b: number) => (r: Row) =>
      (r.C3[a]?.[b] ?? 0) / Math.sqrt((r.C3[a]?.[a] ?? 1) * (r.C3[b]?.[b] ?? 1));
    const a = (r: Row) => [
      (r.d2[0] ?? 0) / Math.sqrt(r.C2[0]?.[0] ?? 1),
      (r.d2[1] ?? 0) / Math.sqrt(r.C2[1]?.[1] ?? 1),
    ];
    const snrEi = (r: Row) => a(r)[0] ?? 0;
    const snrSum = (r: Row) => ((a(r)[0] ?? 0) + (a(r)[1] ?? 0)) / Math.sqrt(2 + 2 * rho(r));
    const mf2o = (r: Row) => Math.sqrt(quad(r.d2, inverse(r.C2), r.d2));
    const mf2g = (r: Row) => mf(sig2[r.group] ?? [1, 0], inverse(r.C2), r.d2);
    const mf3o = (r: Row) => Math.sqrt(quad(r.d3, inverse(r.C3), r.d3));
    const mf3g = (r: Row) => mf(sig3[r.group] ?? [0, 1, 0], inverse(r.C3), r.d3);
    const gain = (fn: (r: Row) => number) => med(of.map((r) => fn(r) / Math.max(0.05, snrSum(r)))).toFixed(2);
    console.log(
      `| ${label} | ${of.length} | ${f(rho)} | ${f(rho3(0, 1))} | ${f(rho3(1, 2))} | ${f((r) => (r.d2[1] ?? 0) / (r.d2[0] ?? 1))} | ${f(snrEi)} | ${f(snrSum)} | ${f(mf2o)} | ${f(mf2g)} | ${f(mf3o)} | ${f(mf3g)} | ${gain(mf2g)} | ${gain(mf3g)} | ${f((r) => r.zNow)} |`,
    );
  };
  console.log(
    "| set | n | ρ(EI,dark) | ρ(odR,odG) | ρ(odG,odB) | dDark/dEi | SNR EI | SNR sum | MF2 oracle | MF2 group | MF3 oracle | MF3 group | MF2g/sum | MF3g/sum | z now |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const g of TONE_CATEGORIES) {
    line(
      g,
      rows.filter((r) => r.group === g),
    );
    line(
      `${g} below peak`,
      rows.filter((r) => r.group === g && r.below),
    );
  }
  for (const z of ["forehead", "cheeks", "nose", "chin"]) {
    line(
      z,
      rows.filter((r) => r.zone === z),
    );
    line(
      `${z} below peak`,
      rows.filter((r) => r.zone === z && r.below),
    );
  }
  for (const size of ["1–2 mm", "2–3 mm", "3–4 mm"]) {
    line(
      size,
      rows.filter((r) => r.size === size),
    );
    line(
      `${size} below peak`,
      rows.filter((r) => r.size === size && r.below),
    );
  }
  line("all", rows);
  line(
    "all below peak",
    rows.filter((r) => r.below),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
