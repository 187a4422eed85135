import { describe, expect, it, vi } from "vitest";
import { makeReport } from "@/testing/pipeline/fixtures";
import { backoffDelayMs, defaultModelRetry, invokeWithRetry, MODEL_ATTEMPT_TIMEOUT_MS } from "./model-retry";
import { PipelineError, type ModelRetryPolicy, type PipelinePorts } from "./ports";

const IMAGE = { bytes: new Uint8Array([1]), contentType: "image/jpeg" };

/** A fake clock: sleeping advances it, so budgets are exact and the test takes no time. */
function policyWithClock(budgetMs: number, overrides: Partial<ModelRetryPolicy> = {}) {
  let now = 0;
  const sleeps: number[] = [];
  const policy: ModelRetryPolicy = {
    remainingMs: () => budgetMs - now,
    attemptTimeoutMs: 70_000,
    minAttemptMs: 10_000,
    baseDelayMs: 2_000,
    maxDelayMs: 15_000,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    ...overrides,
  };
  return { policy, sleeps, advance: (ms: number) => (now += ms) };
}

describe("invokeWithRetry", () => {
  it("does not retry a bad photo", async () => {
    const { policy } = policyWithClock(300_000);
    const invoke = vi.fn<PipelinePorts["invokeModel"]>(async () => {
      throw new PipelineError("BAD_IMAGE", "no");
    });
    await expect(invokeWithRetry(invoke, IMAGE, policy, async () => {})).rejects.toMatchObject({ code: "BAD_IMAGE" });
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it("retries a busy (throttled) model with backoff but does not call it waking", async () => {
    const { policy, sleeps } = policyWithClock(300_000);
    const onWaking = vi.fn(async () => {});
    const invoke = vi
      .fn<PipelinePorts["invokeModel"]>()
      .mockRejectedValueOnce(new PipelineError("MODEL_THROTTLED", "busy"))
      .mockRejectedValueOnce(new PipelineError("MODEL_THROTTLED", "busy"))
      .mockResolvedValue(makeReport());
    await expect(invokeWithRetry(invoke, IMAGE, policy, onWaking)).resolves.toEqual(makeReport());
    expect(sleeps).toEqual([2_000, 4_000]);
    expect(onWaking).not.toHaveBeenCalled();
  });

  it("gives each attempt the smaller of its timeout and the time left, and stops before the budget ends", async () => {
    const { policy, advance } = policyWithClock(200_000);
    const timeouts: (number | undefined)[] = [];
    const invoke: PipelinePorts["invokeModel"] = async (_, options) => {
      timeouts.push(options?.timeoutMs);
      advance(options?.timeoutMs ?? 0);
      throw new PipelineError("TIMEOUT", "cold");
    };
    await expect(invokeWithRetry(invoke, IMAGE, policy, async () => {})).rejects.toMatchObject({ code: "TIMEOUT" });
    // 70 s, wait 2 s, 70 s, wait 4 s, then the 54 s left.
    expect(timeouts).toEqual([70_000, 70_000, 54_000]);
  });

  it("backs off 2, 4, 8, 15, 15 s", () => {
    const policy = defaultModelRetry(() => 0);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(policy, n))).toEqual([2_000, 4_000, 8_000, 15_000, 15_000]);
    expect(policy.attemptTimeoutMs).toBe(MODEL_ATTEMPT_TIMEOUT_MS);
  });
});
