import { describe, expect, it } from "vitest";
import { renderEnglish, renderIn } from "@/lib/i18n/testing/render-english";
import { accountErrors, MISMATCH, visibleErrors, type AccountField } from "./account-validation";

const good = { email: "a@example.com", password: "Correct horse 42", confirm: "Correct horse 42" };

describe("account form validation", () => {
  it("accepts a valid sign-up", () => expect(accountErrors(good, "sign-up")).toEqual({}));

  it("checks the same 12-character policy as the server before submit", () => {
    const errors = accountErrors({ ...good, password: "Short1Aaaa", confirm: "Short1Aaaa" }, "sign-up");
    expect(errors.password).toEqual({ key: "auth.error.passwordLength", params: { min: 12 } });
    expect(renderIn("ms", errors.password ?? "")).toBe("Kata laluan anda perlukan sekurang-kurangnya 12 aksara.");
  });

  it("asks for a capital letter up front", () => {
    const password = accountErrors({ ...good, password: "lowercase only 42" }, "sign-up").password;
    expect(renderEnglish(password ?? "")).toMatch(/capital/);
  });

  it("shows a mismatch only once the password itself is fine, and clears it when fixed", () => {
    const short = accountErrors({ ...good, password: "short", confirm: "other" }, "sign-up");
    expect(short.confirm).toBeUndefined();
    expect(accountErrors({ ...good, confirm: "Correct horse 4" }, "sign-up").confirm).toBe(MISMATCH);
    expect(accountErrors(good, "sign-up").confirm).toBeUndefined();
  });

  it("signs in with any non-empty password (older accounts may predate the policy)", () => {
    expect(accountErrors({ ...good, password: "x", confirm: "" }, "sign-in")).toEqual({});
  });

  it("shows only the fields the person has left", () => {
    const errors = accountErrors({ email: "nope", password: "", confirm: "" }, "sign-up");
    const touched = new Set<AccountField>(["email"]);
    expect(Object.keys(visibleErrors(errors, touched))).toEqual(["email"]);
  });
});
