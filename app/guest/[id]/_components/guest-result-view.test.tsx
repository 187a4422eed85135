import { act, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createFakeBackend } from "@/components/testing/fake-backend";
import { renderUi } from "@/components/testing/render";
import { makeAnalysis } from "@/testing/domain/records";
import { GuestResultView } from "./guest-result-view";

const fake = vi.hoisted(() => ({ backend: null as unknown }));
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
vi.mock("@/components/auth/session-provider", () => ({
  useCheckedSession: () => ({ session: { status: "signed-out", checked: true, backend: fake.backend } }),
}));

describe("GuestResultView", () => {
  it("says a guest check left without its photo has none and offers another, instead of an upload that never ends", () => {
    const backend = createFakeBackend();
    fake.backend = backend.backend;
    renderUi(<GuestResultView id="g1" />, { locale: "ms" });
    act(() => backend.emit(makeAnalysis({ id: "g1", status: "CREATED", imageKey: null })));
    expect(screen.getByRole("heading", { level: 1, name: "Semakan ini tidak mempunyai foto" })).toBeTruthy();
    expect(screen.getByText(/Sila mulakan semakan lain/)).toBeTruthy();
    expect(screen.queryByTestId("analysis-stepper")).toBeNull();
  });
});
