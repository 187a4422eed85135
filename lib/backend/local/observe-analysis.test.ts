import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeAnalysis } from "@/testing/domain/records";
import { observeAnalysis, type EventSourceLike } from "./observe-analysis";
import type { Analysis } from "../../domain/analysis";
import type { BackendError } from "../port";

/** Streams that the server refuses at once (as its per-person stream limit does): each closes with an error. */
function refusedStreams(record: Analysis) {
  const opened: EventSourceLike[] = [];
  const deps = {
    eventsUrl: "/api/local/events",
    read: async () => ({ analysis: record, cursor: "0" }),
    open: () => {
      const source: EventSourceLike = { readyState: 2, addEventListener: () => {}, onerror: null, close: () => {} };
      opened.push(source);
      return source;
    },
  };
  return { deps, opened };
}

async function giveUp(record: Analysis) {
  const { deps, opened } = refusedStreams(record);
  const errors: BackendError[] = [];
  const changes: Analysis[] = [];
  observeAnalysis(
    deps,
    record.id,
    (a) => changes.push(a),
    (e) => errors.push(e),
  );
  // Each refused stream schedules the next open; run them all out.
  for (let i = 0; i < 10; i++) {
    await vi.runAllTimersAsync();
    opened.at(-1)?.onerror?.(new Event("error"));
  }
  return { errors, changes, opened };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("observeAnalysis when live updates cannot be had", () => {
  it("says live updates stopped, in words the page can translate, while the run is still going", async () => {
    const { errors, changes, opened } = await giveUp(makeAnalysis({ status: "ANALYZING" }));
    expect(changes.map((a) => a.status)).toEqual(["ANALYZING"]);
    expect(opened.length).toBe(6);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "UNAVAILABLE", reason: "LIVE_UPDATES_STOPPED" });
  });

  it("stops quietly on a finished result, which the page already shows whole", async () => {
    const { errors, opened } = await giveUp(makeAnalysis({ status: "COMPLETE" }));
    expect(opened.length).toBe(6);
    expect(errors).toEqual([]);
  });

  it("still says so for a failure the person can retry from the page", async () => {
    const failed = makeAnalysis({
      status: "FAILED",
      failure: { code: "MODEL_UNAVAILABLE", message: "m", retryable: true },
    });
    const { errors } = await giveUp(failed);
    expect(errors).toHaveLength(1);
  });
});
