import { describe, expect, it } from "vitest";
import { AnalysisRecordError, parseJsonField, toAnalysis, toCreateInput, toUpdateInput } from "./analysis-record";
import { makeFailure } from "../../lib/domain/analysis";
import { BAD_QUALITY_REPORT, makeAnalysis, makeReport, SURVEY } from "../../testing/domain/records";

/** What AppSync returns: AWSJSON as strings, nullable everything, owner and timestamps set. */
const record = (overrides: Record<string, unknown> = {}) => ({
  id: "a1",
  owner: "sub-1",
  status: "UPLOADED",
  survey: JSON.stringify(SURVEY),
  imageKey: "selfies/id-1/a1.jpg",
  report: null,
  recommendation: null,
  failure: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:05.000Z",
  completedAt: null,
  ...overrides,
});

describe("toAnalysis", () => {
  it("parses the AWSJSON strings into a domain Analysis", () => {
    const analysis = toAnalysis(record({ status: "RECOMMENDING", report: JSON.stringify(makeReport()) }));
    expect(analysis).toEqual(
      makeAnalysis({
        owner: "sub-1",
        status: "RECOMMENDING",
        imageKey: "selfies/id-1/a1.jpg",
        report: makeReport(),
        updatedAt: "2025-01-01T00:00:05.000Z",
      }),
    );
  });

  it("accepts JSON fields that arrive already parsed", () => {
    expect(toAnalysis(record({ survey: SURVEY })).survey).toEqual(SURVEY);
  });

  it("restores a failure with its quality issues", () => {
    const issues = BAD_QUALITY_REPORT.quality.issues;
    const failure = { ...makeFailure("QUALITY", issues), issues: JSON.stringify(issues) };
    expect(toAnalysis(record({ status: "FAILED", failure })).failure).toEqual(makeFailure("QUALITY", issues));
  });

  it("falls back to the update time when createdAt is missing", () => {
    expect(toAnalysis(record({ createdAt: null })).createdAt).toBe("2025-01-01T00:00:05.000Z");
  });

  it.each([
    ["an unknown status", { status: "PAUSED" }],
    ["a record without an owner", { owner: null }],
    ["a survey that fails the schema", { survey: JSON.stringify({ skinType: "scaly" }) }],
    ["a report of another version", { report: JSON.stringify({ ...makeReport(), version: 99 }) }],
    ["broken JSON", { report: "{not json" }],
  ])("rejects %s with AnalysisRecordError", (_, overrides) => {
    expect(() => toAnalysis(record(overrides))).toThrow(AnalysisRecordError);
  });

  it("rejects something that is not a record at all", () => {
    expect(() => toAnalysis({ nope: true })).toThrow(AnalysisRecordError);
  });
});

describe("toUpdateInput / toCreateInput", () => {
  it("round-trips through the record shape", () => {
    const analysis = makeAnalysis({
      status: "FAILED",
      report: BAD_QUALITY_REPORT,
      failure: makeFailure("QUALITY", BAD_QUALITY_REPORT.quality.issues),
    });
    const input = toUpdateInput(analysis);
    expect(typeof input.report).toBe("string");
    expect(input).not.toHaveProperty("owner");
    expect(input).not.toHaveProperty("createdAt");
    const back = toAnalysis({
      ...input,
      owner: analysis.owner,
      createdAt: analysis.createdAt,
      updatedAt: analysis.updatedAt,
    });
    expect(back).toEqual(analysis);
  });

  it("creates a CREATED record carrying only the survey, with no id or owner for AppSync to refuse", () => {
    const input = toCreateInput(SURVEY);
    expect(input).toMatchObject({ status: "CREATED", imageKey: null, report: null });
    expect(input).not.toHaveProperty("id");
    expect(input).not.toHaveProperty("owner");
    expect(JSON.parse(String(input.survey))).toEqual(SURVEY);
  });
});

describe("parseJsonField", () => {
  it("unwraps a value that was stringified twice", () => {
    expect(parseJsonField(JSON.stringify(JSON.stringify({ a: 1 })))).toEqual({ a: 1 });
  });
  it("maps undefined to null", () => {
    expect(parseJsonField(undefined)).toBeNull();
  });
});
