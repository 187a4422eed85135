import { describe, expect, it } from "vitest";
import { confidenceTable, melaninTable, targetFigures, targetsTable, toneTable, type EvalRows } from "./eval-report";
import type { PlantedRow, RepeatRow } from "./evaluation";
import { pigmentationPair, plantedPhoto } from "./planted-row-fixture";

describe("targetsTable", () => {
  const rows = (planted: PlantedRow[], repeat: RepeatRow[] = []): EvalRows => ({
    planted,
    rejects: [],
    defects: [],
    defectCodes: new Map(),
    tone: [],
    repeat,
  });

  it("gives each target its interval over the faces: none where every face agrees, wide where one differs", () => {
    const agree = rows(["a", "b", "c", "d"].map((n) => plantedPhoto(n, "dark", 7, 3)));
    expect(targetFigures(agree).minRecall).toBeCloseTo(0.7, 12);
    expect(targetsTable(agree)).toContain("| red-lesion recall, worst zone or ITA group | 70% | 70%–70% | ≥ 85% |");
    const one = rows([...["a", "b", "c"].map((n) => plantedPhoto(n, "dark", 7, 3)), plantedPhoto("d", "dark", 1, 3)]);
    // Face d drawn 0–4 times of 4: the resamples' recall runs from 7/10 down towards 1/10.
    expect(targetsTable(one)).toMatch(/\| red-lesion recall, worst zone or ITA group \| 55% \| (\d+)%–70% \|/);
    const lo = Number(/worst zone or ITA group \| 55% \| (\d+)%/.exec(targetsTable(one))?.[1]);
    expect(lo).toBeLessThan(40);
  });

  it("reads the tone gap and re-shoot agreement from the resampled faces too", () => {
    const planted = [
      plantedPhoto("a", "very-light", 9, 3),
      plantedPhoto("a", "dark", 5, 3),
      plantedPhoto("b", "very-light", 9, 3),
    ];
    planted.push(plantedPhoto("b", "dark", 5, 3));
    const agree = rows(planted, [
      { ...pigmentationPair(1, 1), name: "a" },
      { ...pigmentationPair(1, 2), name: "b" },
    ]);
    const f = targetFigures(agree);
    expect(f.gap).toBeCloseTo(40, 9);
    expect(f.sameGrade).toBe(0.5);
    const table = targetsTable(agree);
    expect(table).toContain("| recall gap, lightest vs darkest group | 40.0 points | 40.0–40.0 |");
    // Face a alone agrees, face b alone does not: the resamples run from 0% to 100%.
    expect(table).toContain("| same grade on a re-shot face with something to grade | 50% (1/2) | 0%–100% |");
  });
});

describe("toneTable", () => {
  it("gives each light its own row, so ITA° following exposure shows beside the casts", () => {
    const row = (variant: string, ita: number, groupShift: number) => ({
      name: "a",
      melanin: 0,
      variant,
      ita,
      baseIta: 30,
      groupShift,
    });
    const text = toneTable([row("warm", 32, 0), row("−15% exposure", 8, 2), row("−15% exposure", 20, 1)]);
    expect(text.split("\n")[0]).toMatch(/^\| light \| group moved ≤ 1 \|/);
    expect(text).toContain("| warm | 1/1 | 0 | 2.0 | 32.0 … 32.0 | 0 |");
    expect(text).toContain("| −15% exposure | 1/2 | 2 | 16.0 | 8.0 … 20.0 | 0 |");
  });
});

describe("melaninTable", () => {
  it("holds the faces fixed and reads recall by the skin's added melanin, with the groups each level was read as", () => {
    const at = (name: string, melanin: number, tone: PlantedRow["tone"], found: number) => ({
      ...plantedPhoto(name, tone, found, 3),
      melanin,
    });
    const text = melaninTable([
      at("a", 0, "light", 9),
      at("b", 0, "dark", 5),
      at("a", 4, "brown", 8),
      at("b", 4, "dark", 4),
    ]).join("\n");
    expect(text).toContain("| 0 | 2 | light 1, dark 1 | 70% / 100% all");
    expect(text).toContain("| 4 | 2 | brown 1, dark 1 | 60% / 100% all");
    expect(text).toContain(
      "most against least added melanin on the same 2 faces (0 left out: refused at some level): -10.0 points.",
    );
  });

  it("leaves out a face the gate refused at any level, so every row is the same faces", () => {
    const at = (name: string, melanin: number, found: number, ok = true) => ({
      ...plantedPhoto(name, "dark", found, 3),
      melanin,
      ok,
    });
    const text = melaninTable([at("a", 0, 9), at("b", 0, 1), at("a", 4, 8), at("b", 4, 1, false)]).join("\n");
    expect(text).toContain("| 0 | 1 | dark 1 | 90% / 100% all");
    expect(text).toContain("same 1 faces (1 left out: refused at some level): -10.0 points.");
  });

  it("says nothing for photos at one level (the naturally dark probe)", () => {
    expect(melaninTable([plantedPhoto("a", "dark", 5, 3)])).toEqual([]);
  });
});

describe("confidenceTable", () => {
  it("sorts planted photos by the acne card's confidence band, low split by whether grain was the limit", () => {
    const at = (name: string, found: number, confidence: number, limitedBy: string | null) => ({
      ...plantedPhoto(name, "light", found, 3),
      acne: { confidence, limitedBy },
    });
    const text = confidenceTable([
      at("a", 9, 0.9, "grade-edge"),
      at("b", 6, 0.6, "grade-edge"),
      at("c", 3, 0.4, "grain"),
      at("d", 2, 0.3, "grain"),
      at("e", 7, 0.45, "grade-edge"),
      { ...plantedPhoto("f", "light", 9, 3), ok: false },
    ]).join("\n");
    expect(text).toContain("| high (≥ 75%) | 1 | 90% | 90% / 100% all");
    expect(text).toContain("| medium (50–74%) | 1 | 60% | 60% / 100% all");
    expect(text).toContain("| low, limited by grain | 2 | 35% | 25% / 100% all");
    expect(text).toContain("| low, limited by something else | 1 | 45% | 70% / 100% all");
  });
});
