import { cleanup, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderUi } from "@/components/testing/render";
import type { SkinReport } from "@/lib/domain/skin-report";
import { makeReport } from "@/testing/recommend/fixtures";
import { ScoreCards, ToneNote } from "./score-cards";

type Scores = NonNullable<SkinReport["scores"]>;

/** Renders the cards for a report's scores with some of them replaced; returns each card's text by its heading. */
function renderScoreCards(replaced: Partial<Scores>): (name: string) => string | null | undefined {
  const scores = makeReport({ acne: 1 }).scores;
  if (!scores) throw new Error("fixture has no scores");
  renderUi(<ScoreCards scores={{ ...scores, ...replaced }} />);
  return (name) =>
    screen.getAllByTestId("score-card").find((c) => within(c).queryByRole("heading", { name }))?.textContent;
}

const notMeasurable = (raw: number, limitedBy: "pixels" | "resolution" | "light" | "blown") => ({
  grade: null,
  raw,
  metric: "test",
  confidence: 0,
  limitedBy,
});

describe("ScoreCards", () => {
  it("says why a score is not measurable: a hidden forehead for redness, resolution for pores", () => {
    const card = renderScoreCards({
      redness: notMeasurable(34, "pixels"),
      pores: notMeasurable(0, "resolution"),
    });
    expect(card("Redness")).toMatch(/forehead was not in view/);
    expect(card("Redness")).not.toMatch(/closer, sharper/);
    expect(card("Pores and texture")).toMatch(/closer, sharper/);
  });

  it("says shine needs lit forehead and nose skin, and redness one colour of light", () => {
    const card = renderScoreCards({
      redness: notMeasurable(3, "light"),
      shine: notMeasurable(24, "pixels"),
    });
    expect(card("Redness")).toMatch(/light's colour changed across your face/);
    expect(card("Shine")).toMatch(/in direct light/);
    expect(card("Shine")).not.toMatch(/forehead was not in view/);
  });

  it("says a score whose skin is blown white needs softer light, not a clear forehead", () => {
    const card = renderScoreCards({ pigmentation: notMeasurable(0, "blown"), redness: notMeasurable(2, "blown") });
    expect(card("Dark spots")).toMatch(/could not record its colour/);
    expect(card("Redness")).toMatch(/could not record its colour/);
    expect(card("Redness")).not.toMatch(/forehead was not in view/);
  });

  it("says fine grain may hide small spots beside a low-confidence count, blaming neither skin nor photo", () => {
    const card = renderScoreCards({
      acne: { grade: 0, raw: 1, metric: "test", confidence: 0.42, limitedBy: "grain" },
    });
    expect(card("Breakouts")).toMatch(
      /Low \(42%\) · small spots are harder to see against this photo’s fine grain, so some may be missed/,
    );
  });

  it("says strong compression may hide small spots and that the original photo shows more", () => {
    const acne = { grade: 0, raw: 1, metric: "test", confidence: 0.55, limitedBy: "compression" } as const;
    const card = renderScoreCards({ acne });
    expect(card("Breakouts")).toMatch(
      /Medium \(55%\) · this photo was saved with strong compression, .*original photo/,
    );
  });

  it("says a slightly blurry photo may hide small spots and how to take a sharper one, in English and Malay", () => {
    const pigmentation = { grade: 1, raw: 4, metric: "test", confidence: 0.58, limitedBy: "blur" } as const;
    expect(renderScoreCards({ pigmentation })("Dark spots")).toMatch(
      /Medium \(58%\) · this photo is slightly blurry, so some small spots may be missed \(a sharp, in-focus photo/,
    );
    cleanup();
    const scores = makeReport({ acne: 1 }).scores;
    if (!scores) throw new Error("fixture has no scores");
    renderUi(<ScoreCards scores={{ ...scores, pigmentation }} />, { locale: "ms" });
    expect(screen.getByText(/foto ini agak kabur, jadi sebahagian tanda kecil mungkin tidak dikesan/)).toBeTruthy();
  });
});

describe("ToneNote", () => {
  it("names the group as this photo shows it, says light moves it, and links the fairness table", () => {
    renderUi(<ToneNote tone={{ ita: -29, category: "brown" }} />);
    const note = screen.getByText(/Skin tone group in this photo: Brown/).closest("p");
    expect(note?.textContent).toContain("(ITA° -29)");
    expect(note?.textContent).toContain("in a dim room your skin may read darker");
    expect(
      within(note as HTMLElement)
        .getByRole("link")
        .getAttribute("href"),
    ).toBe("/accuracy#fairness");
  });
});
