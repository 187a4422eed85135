import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderUi } from "@/components/testing/render";
import { makeReport } from "@/testing/recommend/fixtures";
import { ScoreCards } from "./score-cards";

describe("ScoreCards", () => {
  it("says why a score is not measurable: a hidden forehead for redness, resolution for pores", () => {
    const scores = makeReport({ acne: 1 }).scores;
    if (!scores) throw new Error("fixture has no scores");
    renderUi(
      <ScoreCards
        scores={{
          ...scores,
          redness: { grade: null, raw: 34, metric: "test", confidence: 0, limitedBy: "pixels" },
          pores: { grade: null, raw: 0, metric: "test", confidence: 0, limitedBy: "resolution" },
        }}
      />,
    );
    const card = (name: string) =>
      screen.getAllByTestId("score-card").find((c) => within(c).queryByRole("heading", { name }));
    const redness = card("Redness");
    const pores = card("Pores and texture");
    expect(redness?.textContent).toMatch(/forehead was not in view/);
    expect(redness?.textContent).not.toMatch(/closer, sharper/);
    expect(pores?.textContent).toMatch(/closer, sharper/);
  });

  it("says shine needs lit forehead and nose skin, and redness one colour of light", () => {
    const scores = makeReport({ acne: 1 }).scores;
    if (!scores) throw new Error("fixture has no scores");
    renderUi(
      <ScoreCards
        scores={{
          ...scores,
          redness: { grade: null, raw: 3, metric: "test", confidence: 0, limitedBy: "light" },
          shine: { grade: null, raw: 24, metric: "test", confidence: 0, limitedBy: "pixels" },
        }}
      />,
    );
    const card = (name: string) =>
      screen.getAllByTestId("score-card").find((c) => within(c).queryByRole("heading", { name }));
    expect(card("Redness")?.textContent).toMatch(/light's colour changed across your face/);
    expect(card("Shine")?.textContent).toMatch(/in direct light/);
    expect(card("Shine")?.textContent).not.toMatch(/forehead was not in view/);
  });
});
