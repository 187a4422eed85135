import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createFakeBackend } from "@/components/testing/fake-backend";
import { renderUi } from "@/components/testing/render";
import { BackendError, type BackendPort } from "@/lib/backend/port";
import { AccountForm } from "./account-form";

const tooMany = () => Promise.reject(new BackendError("RATE_LIMITED", "Too many attempts."));
const tooManySignUps = () =>
  Promise.reject(
    new BackendError(
      "SIGN_UP_LIMITED",
      "Many accounts were created from this connection. Please wait 4 minutes and try again.",
    ),
  );

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
  it("on sign-up past the per-connection limit, says accounts were made from this connection and the wait", async () => {
    const alert = await submit("sign-up", { signUp: vi.fn(tooManySignUps) });
    expect(alert.textContent).toBe(
      "Many accounts were created from this connection. Please wait 4 minutes and try again.",
    );
  });

  it("on sign-up throttled for another reason (Cognito's limits in the cloud), shows the general words", async () => {
    const alert = await submit("sign-up", { signUp: vi.fn(tooMany) });
    expect(alert.textContent).toBe("Too many attempts.");
  });

  it("on sign-in, shows the server's own words (the failed sign-in throttle)", async () => {
    const alert = await submit("sign-in", { signIn: vi.fn(tooMany) });
    expect(alert.textContent).toBe("Too many attempts.");
  });
});

describe("AccountForm focus", () => {
  it("puts focus back in the password field after a failed sign-in, with the reason announced", async () => {
    const wrong = () =>
      Promise.reject(
        new BackendError("UNAUTHENTICATED", "That email and password don't match an account.", {
          reason: "BAD_CREDENTIALS",
        }),
      );
    const alert = await submit("sign-in", { signIn: vi.fn(wrong) });
    expect(alert.textContent).toBe("That email and password don't match an account.");
    expect(document.activeElement).toBe(screen.getByLabelText("Password"));
  });

  it("moves focus to the first field to mend when Enter is pressed on an invalid form", async () => {
    const { backend } = createFakeBackend();
    const { user } = renderUi(
      <AccountForm loadBackend={() => Promise.resolve(backend)} requestedMode="sign-up" onSignedIn={vi.fn()} />,
    );
    await user.type(screen.getByLabelText("Email"), "someone");
    await user.type(screen.getByLabelText("Password"), "short{Enter}");
    expect(document.activeElement).toBe(screen.getByLabelText("Email"));
    expect(screen.getByLabelText("Email").getAttribute("aria-invalid")).toBe("true");
    expect(backend.signUp).not.toHaveBeenCalled();
  });
});
