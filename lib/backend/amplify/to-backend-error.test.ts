import { describe, expect, it } from "vitest";
import { AnalysisRecordError } from "../../../amplify/data/analysis-record";
import { BackendError } from "../port";
import { graphQlError, toBackendError } from "./to-backend-error";

const named = (name: string) => Object.assign(new Error("raw"), { name });

describe("toBackendError", () => {
  it.each([
    ["NotAuthorizedException", "UNAUTHENTICATED"],
    ["UserUnAuthenticatedException", "UNAUTHENTICATED"],
    ["UsernameExistsException", "CONFLICT"],
    ["InvalidPasswordException", "INVALID_INPUT"],
    ["LimitExceededException", "RATE_LIMITED"],
    ["NetworkError", "UNAVAILABLE"],
    ["SomethingNew", "INTERNAL"],
  ])("maps %s to %s with a readable message", (name, code) => {
    const error = toBackendError(named(name));
    expect(error).toBeInstanceOf(BackendError);
    expect(error.code).toBe(code);
    expect(error.message).not.toBe("raw");
  });

  it("passes BackendErrors through untouched", () => {
    const original = new BackendError("NOT_FOUND", "gone");
    expect(toBackendError(original)).toBe(original);
  });

  it("hides a malformed record behind a generic message", () => {
    expect(toBackendError(new AnalysisRecordError("bad")).code).toBe("INTERNAL");
  });
});

describe("graphQlError", () => {
  it.each([
    ["Unauthorized", "UNAUTHENTICATED"],
    ["DynamoDB:ConditionalCheckFailedException", "CONFLICT"],
    ["Throttling", "RATE_LIMITED"],
    ["Lambda:Unhandled", "INTERNAL"],
  ])("maps errorType %s to %s", (errorType, code) => {
    expect(graphQlError([{ errorType, message: "x" }], "fallback").code).toBe(code);
  });
});
