import { describe, expect, it } from "vitest";
import { toBackendError } from "./http-client";

const answer = (status: number, body: unknown) =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });

describe("toBackendError", () => {
  it("keeps a body code that refines its status, with the server's words", async () => {
    const limited = await toBackendError(answer(429, { code: "SIGN_UP_LIMITED", message: "Wait 3 minutes." }));
    expect(limited).toMatchObject({ code: "SIGN_UP_LIMITED", message: "Wait 3 minutes." });
    const wrong = await toBackendError(answer(403, { code: "WRONG_PASSWORD", message: "Not that one." }));
    expect(wrong).toMatchObject({ code: "WRONG_PASSWORD", message: "Not that one." });
  });

  it("goes by the status when the body code does not belong to it or is not one it knows", async () => {
    expect(await toBackendError(answer(429, { code: "RATE_LIMITED", message: "Slow down." }))).toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(await toBackendError(answer(400, { code: "SIGN_UP_LIMITED", message: "?" }))).toMatchObject({
      code: "INVALID_INPUT",
    });
    expect(await toBackendError(answer(429, { code: "constructor", message: "?" }))).toMatchObject({
      code: "RATE_LIMITED",
    });
  });

  it("keeps a reason it knows, with any code, and drops one it does not", async () => {
    const taken = await toBackendError(answer(409, { code: "CONFLICT", message: "Taken.", reason: "EMAIL_TAKEN" }));
    expect(taken).toMatchObject({ code: "CONFLICT", message: "Taken.", reason: "EMAIL_TAKEN" });
    const refined = await toBackendError(
      answer(429, { code: "SIGN_UP_LIMITED", message: "?", reason: "PHOTO_TOO_SMALL" }),
    );
    expect(refined).toMatchObject({ code: "SIGN_UP_LIMITED", reason: "PHOTO_TOO_SMALL" });
    for (const reason of ["SOMETHING_NEW", "toString", 7, null]) {
      const error = await toBackendError(answer(422, { code: "UNPROCESSABLE", message: "?", reason }));
      expect(error.reason).toBeUndefined();
    }
  });

  it("falls back to its own words when the body is not JSON", async () => {
    const error = await toBackendError(answer(429, "<html>busy</html>"));
    expect(error).toMatchObject({
      code: "RATE_LIMITED",
      message: "Too many attempts. Please wait a little and try again.",
    });
  });
});
