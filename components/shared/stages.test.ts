import { describe, expect, it } from "vitest";
import { makeAnalysis, makeReport } from "@/testing/domain/records";
import {
  failedStage,
  isWaking,
  STAGES,
  stageIndex,
  stageTimeLabel,
  trackStatus,
  visibleStages,
  WAKING_STAGE,
  type StageTrack,
} from "./stages";

describe("stageIndex", () => {
  it.each([
    ["CREATED", 0],
    ["UPLOADED", 1],
    ["ANALYZING", 2],
    ["RECOMMENDING", 3],
    ["COMPLETE", 4],
  ] as const)("%s → %i", (status, index) => expect(stageIndex(status)).toBe(index));
});

describe("failedStage", () => {
  const failedWith = (code: NonNullable<ReturnType<typeof makeAnalysis>["failure"]>["code"], report = false) =>
    makeAnalysis({
      status: "FAILED",
      failure: { code, message: "m", retryable: false },
      report: report ? makeReport() : null,
    });
  const label = (index: number) => STAGES[index]?.key;

  it("puts a refused photo at the photo check, even with the gate's report", () => {
    expect(label(failedStage(failedWith("QUALITY", true)))).toBe("checking");
    expect(label(failedStage(failedWith("BAD_IMAGE")))).toBe("checking");
  });

  it("puts the model down or a timeout at the analysis, not the upload it came after", () => {
    for (const code of ["MODEL_UNAVAILABLE", "MODEL_THROTTLED", "TIMEOUT", "INTERNAL"] as const) {
      expect(label(failedStage(failedWith(code)))).toBe("analysing");
    }
  });

  it("puts a failure after the report was saved at the product choice, and a missing photo at the upload", () => {
    expect(label(failedStage(failedWith("INTERNAL", true)))).toBe("choosing");
    expect(label(failedStage(failedWith("IMAGE_MISSING")))).toBe("uploading");
  });
});

describe("trackStatus", () => {
  const run = (steps: [Parameters<typeof trackStatus>[1], number][]) =>
    steps.reduce<StageTrack | null>((track, [status, t]) => trackStatus(track, status, t), null);

  it("times every stage it saw start and end", () => {
    const track = run([
      ["UPLOADED", 0],
      ["ANALYZING", 500],
      ["RECOMMENDING", 2000],
      ["COMPLETE", 2300],
    ]);
    expect(track).toMatchObject({ current: 4, live: true, failed: false });
    expect(track?.durations).toEqual({ 1: 0.5, 2: 1.5, 3: expect.closeTo(0.3, 5) });
  });

  it("does not invent a time for a stage it skipped over", () => {
    const track = run([
      ["UPLOADED", 0],
      ["RECOMMENDING", 1000],
      ["COMPLETE", 1200],
    ]);
    expect(Object.keys(track?.durations ?? {})).toEqual(["1", "3"]);
  });

  it("a finished record loaded later is not live", () => {
    expect(run([["COMPLETE", 0]])).toMatchObject({ current: 4, live: false });
  });

  it("marks a failure in place, and a retry starts over", () => {
    const failed = run([
      ["UPLOADED", 0],
      ["ANALYZING", 100],
      ["FAILED", 300],
    ]);
    expect(failed).toMatchObject({ current: 2, failed: true });
    const retried = trackStatus(failed, "UPLOADED", 1000);
    expect(retried).toMatchObject({ current: 1, failed: false, durations: {} });
  });
});

describe("the waking stage", () => {
  it("shows while ANALYZING waits for a cold model, and not once the status moves on", () => {
    expect(isWaking({ status: "ANALYZING", modelWaking: true })).toBe(true);
    expect(isWaking({ status: "ANALYZING" })).toBe(false);
    expect(isWaking({ status: "RECOMMENDING", modelWaking: true })).toBe(false);
  });

  it("takes the analysing step's place, so the stepper keeps its five steps and index", () => {
    const stages = visibleStages(true);
    expect(stages).toHaveLength(STAGES.length);
    expect(stages[stageIndex("ANALYZING")]).toBe(WAKING_STAGE);
    expect(WAKING_STAGE.active).toMatch(/^Waking up the analyser…/);
    expect(visibleStages(false)).toBe(STAGES);
  });

  it("keeps a live track on the same stage while the record is only marked waking", () => {
    const before = trackStatus(trackStatus(null, "UPLOADED", 0), "ANALYZING", 100);
    expect(trackStatus(before, "ANALYZING", 5_000)).toBe(before);
  });
});

describe("stageTimeLabel", () => {
  it.each([
    [undefined, null],
    [0, null],
    [0.04, null],
    [0.099, null],
    [0.1, "0.1 s"],
    [1.26, "1.3 s"],
    [Number.NaN, null],
  ])("%s → %s", (seconds, label) => {
    expect(stageTimeLabel(seconds)).toBe(label);
  });
});
