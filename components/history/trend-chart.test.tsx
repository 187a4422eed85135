import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderUi } from "@/components/testing/render";
import { analysis, scores } from "./testing/analyses";
import { TrendCharts } from "./trend-chart";

// The labels use the app's time zone (Kuala Lumpur); the runner's own is pinned to another, so that a day read in the
// runner's zone instead would show in the test below.
process.env.TZ = "UTC";

const notMeasurable = (limitedBy: "light" | "resolution") => ({
  grade: null,
  raw: 0,
  metric: "m",
  confidence: 0,
  limitedBy,
});

const chart = (name: string) =>
  screen.getAllByRole("figure").find((f) => f.querySelector("figcaption")?.textContent?.startsWith(name)) ?? null;

/** Renders two checks, breakouts 2 then 1, at these times; returns the breakouts chart and the dates under it. */
function breakoutsAt(first: string, second: string) {
  renderUi(
    <TrendCharts
      analyses={[
        analysis("a", "COMPLETE", first, scores({ acne: 2 })),
        analysis("b", "COMPLETE", second, scores({ acne: 1 })),
      ]}
    />,
  );
  const figure = chart("Breakouts") as HTMLElement;
  return {
    figure,
    dates: within(figure)
      .getAllByTestId("trend-date")
      .map((d) => d.textContent),
  };
}

describe("TrendCharts", () => {
  it("tells two checks on one day apart by their time, under the points and in the chart's description", () => {
    const { figure, dates } = breakoutsAt("2026-11-29T09:05:00+08:00", "2026-11-29T16:40:00+08:00");
    expect(dates).toHaveLength(2);
    expect(dates[0]).toMatch(/29 Nov.*9:05/);
    expect(dates[1]).toMatch(/29 Nov.*4:40/);
    expect(within(figure).getByRole("img").getAttribute("aria-label")).toMatch(/9:05.*4:40/);
  });

  it("reads the day in the app's time zone: 23:30 and 00:30 there are two days, whatever the browser's zone", () => {
    const { dates } = breakoutsAt("2026-11-28T23:30:00+08:00", "2026-11-29T00:30:00+08:00");
    expect(dates).toEqual(["28 Nov", "29 Nov"]);
  });

  it("shows dates alone when each check is on its own day", () => {
    const { dates } = breakoutsAt("2026-11-02T09:05:00+08:00", "2026-11-29T16:40:00+08:00");
    expect(dates).toEqual(["2 Nov", "29 Nov"]);
  });

  it("says why a score was never measurable, as the latest check's card did", () => {
    renderUi(
      <TrendCharts
        analyses={[
          analysis("a", "COMPLETE", "2026-11-02T09:05:00+08:00", scores({}, { redness: notMeasurable("resolution") })),
          analysis("b", "COMPLETE", "2026-11-29T16:40:00+08:00", scores({}, { redness: notMeasurable("light") })),
        ]}
      />,
    );
    const redness = chart("Redness");
    expect(redness?.textContent).toMatch(/Not measurable in these photos\./);
    expect(redness?.textContent).toMatch(/Latest check: The light's colour changed across your face/);
    expect(chart("Pores")?.textContent).not.toMatch(/Not measurable/);
  });
});
