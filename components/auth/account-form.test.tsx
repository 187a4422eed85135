import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createFakeBackend } from "@/components/testing/fake-backend";
import { renderUi } from "@/components/testing/render";
import { BackendError, type BackendPort } from "@/lib/backend/port";
import { AccountForm } from "./account-form";

const tooMany = () => Promise.reject(new BackendError("RATE_LIMITED", "Too many attempts."));

async function submit(mode: "sign-up" | "sign-in", overrides: Partial<BackendPort>) {
  const { backend } = createFakeBackend(overrides);
  const { user } = renderUi(
    <AccountForm loadBackend={() => Promise.resolve(backend)} requestedMode={mode} onSignedIn={vi.fn()} />,
  );
  const form = screen.getByRole("tabpanel");
  await user.type(within(form).getByLabelText("Email"), "someone@example.com");
  await user.type(within(form).getByLabelText("Password"), "Password-1234");
  if (mode === "sign-up") await user.type(within(form).getByLabelText("Confirm Password"), "Password-1234");
  await user.click(within(form).getByRole("button", { name: mode === "sign-up" ? "Create Account" : "Sign in" }));
  return within(form).findByRole("alert");
}

describe("AccountForm when the server says too many tries", () => {
  it("on sign-up, says accounts were made from this connection and to wait minutes", async () => {
    const alert = await submit("sign-up", { signUp: vi.fn(tooMany) });
    expect(alert.textContent).toBe(
      "Many accounts were created from this connection. Please wait a few minutes and try again.",
    );
  });

  it("on sign-in, shows the server's own words (the failed sign-in throttle)", async () => {
    const alert = await submit("sign-in", { signIn: vi.fn(tooMany) });
    expect(alert.textContent).toBe("Too many attempts.");
  });
});
