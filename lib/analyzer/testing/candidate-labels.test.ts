import { describe, expect, it } from "vitest";
import { candidateLabel } from "./candidate-labels";

const photo = {
  truth: [
    { type: "spot" as const, x: 100, y: 100, r: 4, zone: "cheeks" as const, diameterMm: 2 },
    { type: "lesion" as const, x: 300, y: 300, r: 4, zone: "chin" as const, diameterMm: 2 },
  ],
  // A mole the unplanted photo already had a dark finding on.
  ownDark: [{ x: 200, y: 200, r: 5 }],
};

describe("candidate labels for the classifier fit", () => {
  it("marks a dark candidate on a planted spot as positive, even where the face also had a finding", () => {
    expect(candidateLabel(photo, "dark", { x: 103, y: 100 })).toBe(1);
    expect(candidateLabel({ ...photo, ownDark: [{ x: 100, y: 100, r: 4 }] }, "dark", { x: 100, y: 100 })).toBe(1);
  });

  it("leaves a dark candidate on the face's own feature out (don't care), not a negative", () => {
    expect(candidateLabel(photo, "dark", { x: 208, y: 203 })).toBeNull();
  });

  it("counts a dark candidate away from spots and own features as a negative", () => {
    expect(candidateLabel(photo, "dark", { x: 230, y: 200 })).toBe(0);
    // A red lesion is not a dark spot.
    expect(candidateLabel(photo, "dark", { x: 300, y: 300 })).toBe(0);
  });

  it("keeps red labels as before: own dark features do not touch them", () => {
    expect(candidateLabel(photo, "red", { x: 300, y: 302 })).toBe(1);
    expect(candidateLabel(photo, "red", { x: 200, y: 200 })).toBe(0);
  });
});
