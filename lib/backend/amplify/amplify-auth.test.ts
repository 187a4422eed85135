import { describe, expect, it, vi } from "vitest";
import { confirmPassword } from "./amplify-auth";

const updatePassword = vi.hoisted(() => vi.fn());
vi.mock("aws-amplify/auth", () => ({ updatePassword }));

describe("confirmPassword (Cognito re-authentication)", () => {
  it("asks Cognito to check the password by 'changing' it to itself", async () => {
    updatePassword.mockResolvedValueOnce(undefined);
    await confirmPassword("Correct horse battery 42");
    expect(updatePassword).toHaveBeenCalledWith({
      oldPassword: "Correct horse battery 42",
      newPassword: "Correct horse battery 42",
    });
  });

  it("turns Cognito's NotAuthorizedException into WRONG_PASSWORD", async () => {
    updatePassword.mockRejectedValueOnce(
      Object.assign(new Error("Incorrect username or password."), { name: "NotAuthorizedException" }),
    );
    await expect(confirmPassword("wrong")).rejects.toMatchObject({ code: "WRONG_PASSWORD" });
  });

  it("reports Cognito's throttling as RATE_LIMITED, not as a wrong password", async () => {
    updatePassword.mockRejectedValueOnce(Object.assign(new Error("slow down"), { name: "LimitExceededException" }));
    await expect(confirmPassword("whatever")).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});
