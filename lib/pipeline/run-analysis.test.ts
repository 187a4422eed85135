import { beforeEach, describe, expect, it, vi } from "vitest";
import { BAD_QUALITY_REPORT, makeAnalysis, makeFakePorts, makeReport } from "@/testing/pipeline/fixtures";
import { PipelineError } from "./ports";
import { AnalysisNotFoundError, runAnalysis } from "./run-analysis";
import type { Recommendation } from "../domain/recommend/recommendation";

const RECOMMENDATION: Recommendation = {
  picks: [],
  routine: { am: [], pm: [] },
  warnings: [],
  notes: [{ key: "recommend.note.notMedicalAdvice" }],
  limitedBy: [],
  surveyOnly: false,
};

// The recommender has its own table-driven tests; here it only has to be called with the right inputs.
const recommend = vi.hoisted(() => vi.fn());
vi.mock("../domain/recommend", () => ({ recommend }));

beforeEach(() => {
  recommend.mockReset();
  recommend.mockReturnValue(RECOMMENDATION);
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("runAnalysis: happy path", () => {
  it("walks UPLOADED → ANALYZING → RECOMMENDING → COMPLETE and saves each step", async () => {
    const fake = makeFakePorts(makeAnalysis());
    const result = await runAnalysis("a1", fake.ports);

    expect(fake.statuses()).toEqual(["ANALYZING", "RECOMMENDING", "COMPLETE"]);
    expect(result.status).toBe("COMPLETE");
    expect(result.report).toEqual(makeReport());
    expect(result.recommendation).toEqual(RECOMMENDATION);
    expect(result.failure).toBeNull();
    expect(result.completedAt).toBe(result.updatedAt);
    expect(fake.stored()).toEqual(result);
    // RECOMMENDING already carries the report, so a crash there can resume without the model.
    expect(fake.saves[1]?.report).toEqual(makeReport());
    expect(recommend).toHaveBeenCalledWith(makeReport(), makeAnalysis().survey, fake.ports.catalog);
  });

  it("reads the image by the record's key and sends it to the model", async () => {
    const readImage = vi.fn(async () => ({ bytes: new Uint8Array([1, 2, 3]), contentType: "image/png" }));
    const invokeModel = vi.fn(async () => makeReport());
    const fake = makeFakePorts(makeAnalysis({ imageKey: "selfies/id-9/a1.jpg" }), { readImage, invokeModel });
    await runAnalysis("a1", fake.ports);
    expect(readImage).toHaveBeenCalledWith("selfies/id-9/a1.jpg");
    expect(invokeModel).toHaveBeenCalledWith({ bytes: new Uint8Array([1, 2, 3]), contentType: "image/png" });
  });
});

describe("runAnalysis: failures", () => {
  it("turns a failed quality gate into FAILED QUALITY with the issues, not retryable", async () => {
    const fake = makeFakePorts(makeAnalysis(), { invokeModel: async () => BAD_QUALITY_REPORT });
    const result = await runAnalysis("a1", fake.ports);

    expect(fake.statuses()).toEqual(["ANALYZING", "FAILED"]);
    expect(result.failure).toMatchObject({
      code: "QUALITY",
      retryable: false,
      issues: BAD_QUALITY_REPORT.quality.issues,
    });
    expect(result.report).toEqual(BAD_QUALITY_REPORT);
    expect(recommend).not.toHaveBeenCalled();
  });

  it.each([
    ["MODEL_UNAVAILABLE", true],
    ["MODEL_THROTTLED", true],
    ["MODEL_BAD_OUTPUT", true],
    ["TIMEOUT", true],
    ["BAD_IMAGE", false],
  ] as const)("records a model %s error as FAILED (retryable: %s)", async (code, retryable) => {
    const fake = makeFakePorts(makeAnalysis(), {
      invokeModel: async () => {
        throw new PipelineError(code, "boom");
      },
    });
    const result = await runAnalysis("a1", fake.ports);
    expect(fake.statuses()).toEqual(["ANALYZING", "FAILED"]);
    expect(result.failure).toMatchObject({ code, retryable });
    expect(result.failure?.message).not.toBe("boom");
  });

  it("records a missing image as FAILED IMAGE_MISSING", async () => {
    const fake = makeFakePorts(makeAnalysis(), {
      readImage: async () => {
        throw new PipelineError("IMAGE_MISSING", "gone");
      },
    });
    const result = await runAnalysis("a1", fake.ports);
    expect(fake.statuses()).toEqual(["ANALYZING", "FAILED"]);
    expect(result.failure).toMatchObject({ code: "IMAGE_MISSING", retryable: false });
  });

  it("records the error's own user message when it has one (a photo over the model's size limit)", async () => {
    const fake = makeFakePorts(makeAnalysis(), {
      invokeModel: async () => {
        throw new PipelineError("BAD_IMAGE", "5000000 bytes", {
          userMessage: "This photo is 4.8 MB, and the analyzer accepts photos up to 4 MB.",
        });
      },
    });
    const result = await runAnalysis("a1", fake.ports);
    expect(result.failure).toEqual({
      code: "BAD_IMAGE",
      retryable: false,
      message: "This photo is 4.8 MB, and the analyzer accepts photos up to 4 MB.",
    });
  });

  it("records an UPLOADED record without an image key as FAILED IMAGE_MISSING", async () => {
    const fake = makeFakePorts(makeAnalysis({ imageKey: null }));
    const result = await runAnalysis("a1", fake.ports);
    expect(fake.statuses()).toEqual(["ANALYZING", "FAILED"]);
    expect(result.failure?.code).toBe("IMAGE_MISSING");
  });

  it("records an unexpected error in the recommender as FAILED INTERNAL, retryable", async () => {
    recommend.mockImplementation(() => {
      throw new TypeError("bug");
    });
    const fake = makeFakePorts(makeAnalysis());
    const result = await runAnalysis("a1", fake.ports);
    expect(fake.statuses()).toEqual(["ANALYZING", "RECOMMENDING", "FAILED"]);
    expect(result.failure).toMatchObject({ code: "INTERNAL", retryable: true });
    expect(result.report).toEqual(makeReport());
  });

  it("records FAILED when a save in the middle of the run fails", async () => {
    const fake = makeFakePorts(makeAnalysis());
    const save = fake.ports.saveAnalysis;
    let calls = 0;
    fake.ports.saveAnalysis = async (a) => {
      calls += 1;
      if (calls === 2) throw new Error("DynamoDB hiccup");
      await save(a);
    };
    const result = await runAnalysis("a1", fake.ports);
    expect(fake.statuses()).toEqual(["ANALYZING", "FAILED"]);
    expect(result.failure?.code).toBe("INTERNAL");
  });

  it("throws AnalysisNotFoundError without writing when the id is unknown", async () => {
    const fake = makeFakePorts(makeAnalysis());
    await expect(runAnalysis("nope", fake.ports)).rejects.toBeInstanceOf(AnalysisNotFoundError);
    expect(fake.saves).toEqual([]);
  });

  it("ends with AnalysisNotFoundError, writing and logging nothing more, when the record is deleted mid-run", async () => {
    vi.mocked(console.error).mockClear();
    let deleted = false;
    const fake = makeFakePorts(makeAnalysis(), {
      invokeModel: async () => {
        deleted = true;
        return makeReport();
      },
    });
    const { loadAnalysis, saveAnalysis } = fake.ports;
    fake.ports.loadAnalysis = async (id) => (deleted ? null : loadAnalysis(id));
    fake.ports.saveAnalysis = async (a) => {
      if (deleted) throw new Error("We couldn't find that analysis.");
      await saveAnalysis(a);
    };
    await expect(runAnalysis("a1", fake.ports)).rejects.toBeInstanceOf(AnalysisNotFoundError);
    expect(fake.statuses()).toEqual(["ANALYZING"]);
    expect(console.error).not.toHaveBeenCalled();
  });

  it("ends with AnalysisNotFoundError when the delete lands after the failure was noticed, before it is saved", async () => {
    let deleted = false;
    const fake = makeFakePorts(makeAnalysis(), { invokeModel: () => Promise.reject(new Error("model down")) });
    const { loadAnalysis, saveAnalysis } = fake.ports;
    fake.ports.loadAnalysis = async (id) => (deleted ? null : loadAnalysis(id));
    fake.ports.saveAnalysis = async (a) => {
      if (a.status === "FAILED") deleted = true;
      if (deleted) throw new Error("We couldn't find that analysis.");
      await saveAnalysis(a);
    };
    await expect(runAnalysis("a1", fake.ports)).rejects.toBeInstanceOf(AnalysisNotFoundError);
    expect(fake.statuses()).toEqual(["ANALYZING"]);
  });

  it("still throws the save's own error when the FAILED save fails and the record is there", async () => {
    const fake = makeFakePorts(makeAnalysis(), { invokeModel: () => Promise.reject(new Error("model down")) });
    const { saveAnalysis } = fake.ports;
    fake.ports.saveAnalysis = async (a) => {
      if (a.status === "FAILED") throw new Error("store throttled");
      await saveAnalysis(a);
    };
    await expect(runAnalysis("a1", fake.ports)).rejects.toThrow("store throttled");
  });

  it("never leaves a non-terminal status, whatever throws", async () => {
    const throwers: Partial<Parameters<typeof makeFakePorts>[1]>[] = [
      { readImage: () => Promise.reject(new Error("s3")) },
      // The store failing under the run: the reload asking whether the record still exists fails too.
      {
        readImage: () => Promise.reject(new Error("s3")),
        loadAnalysis: (() => {
          let calls = 0;
          return async () => (++calls === 1 ? makeAnalysis() : Promise.reject(new Error("throttled")));
        })(),
      },
      { invokeModel: () => Promise.reject("a string, not an Error") },
      { invokeModel: async () => ({ ...makeReport(), quality: undefined }) as never },
    ];
    for (const overrides of throwers) {
      const fake = makeFakePorts(makeAnalysis(), overrides);
      const result = await runAnalysis("a1", fake.ports);
      expect(result.status).toBe("FAILED");
      expect(fake.stored()?.status).toBe("FAILED");
    }
  });
});

describe("runAnalysis: idempotence and retries", () => {
  it("leaves a COMPLETE analysis unchanged on a second run, with no writes", async () => {
    const fake = makeFakePorts(makeAnalysis());
    const first = await runAnalysis("a1", fake.ports);
    const writes = fake.saves.length;
    const second = await runAnalysis("a1", fake.ports);
    expect(second).toEqual(first);
    expect(fake.saves).toHaveLength(writes);
    expect(recommend).toHaveBeenCalledTimes(1);
  });

  it("starts a retryable FAILED analysis over and clears the old failure", async () => {
    let calls = 0;
    const fake = makeFakePorts(makeAnalysis(), {
      invokeModel: async () => {
        calls += 1;
        if (calls === 1) throw new PipelineError("MODEL_THROTTLED", "slow down");
        return makeReport();
      },
    });
    const failed = await runAnalysis("a1", fake.ports);
    expect(failed.failure?.code).toBe("MODEL_THROTTLED");

    const retried = await runAnalysis("a1", fake.ports);
    expect(fake.statuses()).toEqual(["ANALYZING", "FAILED", "UPLOADED", "ANALYZING", "RECOMMENDING", "COMPLETE"]);
    expect(fake.saves[2]).toMatchObject({ status: "UPLOADED", failure: null, report: null, recommendation: null });
    expect(retried).toMatchObject({ status: "COMPLETE", failure: null });
  });

  it.each(["QUALITY", "BAD_IMAGE", "IMAGE_MISSING"] as const)(
    "leaves a non-retryable FAILED %s unchanged",
    async (code) => {
      const record = makeAnalysis({ status: "FAILED", failure: { code, message: "m", retryable: false } });
      const fake = makeFakePorts(record);
      expect(await runAnalysis("a1", fake.ports)).toEqual(record);
      expect(fake.saves).toEqual([]);
    },
  );

  it("leaves a CREATED analysis (no photo yet) unchanged, with no writes", async () => {
    const record = makeAnalysis({ status: "CREATED", imageKey: null });
    const fake = makeFakePorts(record);
    expect(await runAnalysis("a1", fake.ports)).toEqual(record);
    expect(fake.saves).toEqual([]);
  });

  it("resumes an analysis stuck in ANALYZING by calling the model again", async () => {
    const fake = makeFakePorts(makeAnalysis({ status: "ANALYZING" }));
    const result = await runAnalysis("a1", fake.ports);
    expect(fake.statuses()).toEqual(["RECOMMENDING", "COMPLETE"]);
    expect(result.status).toBe("COMPLETE");
  });

  it("resumes an analysis stuck in RECOMMENDING from its saved report, without the model", async () => {
    const invokeModel = vi.fn(async () => makeReport());
    const fake = makeFakePorts(makeAnalysis({ status: "RECOMMENDING", report: makeReport() }), { invokeModel });
    const result = await runAnalysis("a1", fake.ports);
    expect(fake.statuses()).toEqual(["COMPLETE"]);
    expect(invokeModel).not.toHaveBeenCalled();
    expect(result.recommendation).toEqual(RECOMMENDATION);
  });

  it("fails a RECOMMENDING record that lost its report as INTERNAL, which a retry then repairs", async () => {
    const fake = makeFakePorts(makeAnalysis({ status: "RECOMMENDING", report: null }));
    expect((await runAnalysis("a1", fake.ports)).failure?.code).toBe("INTERNAL");
    await runAnalysis("a1", fake.ports);
    expect(fake.statuses()).toEqual(["FAILED", "UPLOADED", "ANALYZING", "RECOMMENDING", "COMPLETE"]);
  });
});
