import { act, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createFakeBackend } from "@/components/testing/fake-backend";
import { renderUi } from "@/components/testing/render";
import { BackendError } from "@/lib/backend/port";
import { makeFailure } from "@/lib/domain/analysis";
import { makeAnalysis } from "@/testing/domain/records";
import { AnalysisLive } from "./analysis-live";

const uploaded = makeAnalysis({ id: "a1", status: "UPLOADED", imageKey: "a1.jpg" });
const analyzing = { ...uploaded, status: "ANALYZING" as const };
const failed = { ...uploaded, status: "FAILED" as const, failure: makeFailure("MODEL_UNAVAILABLE") };

function renderLive() {
  const fake = createFakeBackend();
  const onRetake = vi.fn();
  const view = renderUi(<AnalysisLive id="a1" backend={fake.backend} onRetake={onRetake} onChangeAnswers={vi.fn()} />);
  return { ...view, fake, onRetake };
}

/** What a screen reader hears of the stepper (its polite live region), and the step marked current. */
const announcement = () => screen.getByRole("status").textContent;
const currentStep = () =>
  within(screen.getByRole("list", { name: "Analysis progress" })).queryByRole("listitem", { current: "step" });

describe("AnalysisLive", () => {
  it("starts the run once it is subscribed, shows each stage in order, and offers Retry on a retryable failure", async () => {
    const { user, fake, onRetake } = renderLive();
    expect(screen.getByText("Loading your analysis…")).toBeTruthy();
    expect(fake.observing("a1")).toBe(1);
    expect(fake.backend.startAnalysis).not.toHaveBeenCalled();

    const seen: [string | null, boolean][] = [];
    const look = () => seen.push([announcement(), currentStep() !== null]);

    act(() => fake.emit(uploaded));
    look();
    // The same status pushed again (a reconnect replays it) must not start a second run.
    act(() => fake.emit(uploaded));
    act(() => fake.emit(analyzing));
    look();
    act(() => fake.emit(failed));
    look();

    expect(fake.backend.startAnalysis).toHaveBeenCalledTimes(1);
    expect(fake.backend.startAnalysis).toHaveBeenCalledWith("a1");
    const [observed] = vi.mocked(fake.backend.observeAnalysis).mock.invocationCallOrder;
    const [started] = vi.mocked(fake.backend.startAnalysis).mock.invocationCallOrder;
    expect(observed).toBeLessThan(started ?? 0);

    expect(seen).toEqual([
      ["Checking your photo…", true],
      ["Analysing your skin…", true],
      ["Stopped at “Analysing skin”", false],
    ]);
    const steps = within(screen.getByRole("list", { name: "Analysis progress" })).getAllByRole("listitem");
    expect(steps.map((step) => step.getAttribute("data-state"))).toEqual([
      "complete",
      "complete",
      "failed",
      "upcoming",
      "upcoming",
    ]);

    const failure = screen.getByRole("alert");
    expect(within(failure).getByText(failed.failure.message)).toBeTruthy();
    await user.click(within(failure).getByRole("button", { name: "Try again" }));
    expect(fake.backend.startAnalysis).toHaveBeenCalledTimes(2);

    await user.click(within(failure).getByRole("button", { name: "Retake photo" }));
    expect(onRetake).toHaveBeenCalledWith(failed);
  });

  it("says so, with a way back to the history, when the analysis is not there", () => {
    const fake = createFakeBackend({
      observeAnalysis: vi.fn((_id, _onChange, onError) => {
        onError?.(new BackendError("NOT_FOUND", "gone"));
        return () => undefined;
      }),
    });
    renderUi(<AnalysisLive id="a1" backend={fake.backend} onRetake={vi.fn()} onChangeAnswers={vi.fn()} />);
    expect(screen.getByText("We couldn't find that analysis")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to your history" }).getAttribute("href")).toBe("/history");
    expect(fake.backend.startAnalysis).not.toHaveBeenCalled();
    // Not the "Your results" the server titled it with before it knew.
    expect(document.title).toBe("Analysis not found · Skinsight");
  });

  it("says a check left without its photo has none and offers a new one, instead of an upload that never ends", () => {
    const { fake } = renderLive();
    act(() => fake.emit(makeAnalysis({ id: "a1", status: "CREATED", imageKey: null })));
    expect(screen.getByText("This check has no photo")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Start a new check" }).getAttribute("href")).toBe("/analyze");
    expect(screen.queryByRole("list", { name: "Analysis progress" })).toBeNull();
    expect(document.title).toBe("This check has no photo · Skinsight");
  });

  it("opened on a run that failed while analysing, names that stage, not the upload", () => {
    const { fake } = renderLive();
    act(() => fake.emit(failed));
    expect(announcement()).toBe("Stopped at “Analysing skin”");
  });
});
