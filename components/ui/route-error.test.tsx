import { screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderUi } from "@/components/testing/render";
import { RouteError } from "./route-error";
import { RouteErrorLabelsProvider } from "./route-error-context";

describe("RouteError", () => {
  it("shows the layout's words and retries", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const reset = vi.fn();
    const { user } = renderUi(
      <RouteErrorLabelsProvider labels={{ title: "Ada masalah", message: "Data anda selamat.", retry: "Cuba lagi" }}>
        <RouteError error={new Error("boom")} reset={reset} />
      </RouteErrorLabelsProvider>,
    );
    expect(screen.getByRole("heading", { name: "Ada masalah", level: 1 })).toBeTruthy();
    expect(screen.getByText("Data anda selamat.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Cuba lagi" }));
    expect(reset).toHaveBeenCalledOnce();
  });
});
