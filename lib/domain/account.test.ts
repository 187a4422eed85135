import { describe, expect, it } from "vitest";
import { renderEnglish } from "@/testing/i18n/render-english";
import {
  emailProblem,
  emailSchema,
  newPasswordSchema,
  passwordChecks,
  passwordProblem,
  PASSWORD_POLICY,
} from "./account";

// The checklist and the schema must never disagree: the form promised 8, accepted 10, and the server said 12.
const samples = [
  "",
  "short1A",
  "alllowercase123",
  "ALLUPPERCASE123",
  "NoDigitsHereAtAll",
  "Elevenchar1",
  "Twelvechars1",
  "Correct horse battery 42",
  "x".repeat(PASSWORD_POLICY.maxLength) + "A1",
  "Aa1" + "b".repeat(PASSWORD_POLICY.maxLength - 3),
];

describe("password checklist", () => {
  it.each(samples)("agrees with newPasswordSchema for %j", (password) => {
    const allOk = passwordChecks(password).every((c) => c.ok);
    expect(allOk).toBe(newPasswordSchema.safeParse(password).success);
  });

  it("states the policy's own minimum length", () => {
    expect(renderEnglish(passwordChecks("")[0]?.label ?? "")).toBe(`At least ${PASSWORD_POLICY.minLength} characters`);
  });

  it("ticks each rule on its own", () => {
    expect(passwordChecks("abcdefghijkl").map((c) => c.ok)).toEqual([true, true, false, false]);
  });
});

describe("the form's zod-free checks agree with the server's schemas", () => {
  it.each(samples)("password %j gets the schema's first message", (password) => {
    const parsed = newPasswordSchema.safeParse(password);
    const problem = passwordProblem(password);
    expect(problem === null ? null : renderEnglish(problem)).toBe(
      parsed.success ? null : (parsed.error.issues[0]?.message ?? "?"),
    );
  });

  it.each(["a@example.com", " Name@Example.COM ", "x@y", "no-at.example.com", "two@@example.com", "", "a b@c.de"])(
    "email %j is accepted exactly when emailSchema accepts it",
    (email) => {
      expect(emailProblem(email) === null).toBe(emailSchema.safeParse(email).success);
    },
  );
});
