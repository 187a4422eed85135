import { describe, expect, it } from "vitest";
import { readRequestTarget } from "./request-target";

describe("the request-target as Next should see it", () => {
  const HOST = "127.0.0.1:3000";

  it.each([
    ["a path", "GET", "/history?x=1", "/history?x=1"],
    ["a doubled slash (Next's 308 handles it)", "GET", "//history", "//history"],
    ["an absolute URL naming this host", "GET", "http://127.0.0.1:3000/history?x=1", "/history?x=1"],
    ["an absolute URL with no path", "GET", "http://127.0.0.1:3000", "/"],
    ["an absolute https URL in another case", "POST", "HTTP://127.0.0.1:3000/api/health", "/api/health"],
  ])("%s → its path", (_name, method, target, path) => {
    expect(readRequestTarget(method, target, HOST)).toEqual({ kind: "path", path });
  });

  it("OPTIONS * asks about the server", () => {
    expect(readRequestTarget("OPTIONS", "*", HOST)).toEqual({ kind: "options-server" });
  });

  it.each([
    ["* with another method", "GET", "*", HOST],
    ["an absolute URL naming another host", "GET", "http://evil.example/history", HOST],
    ["an absolute URL naming another port", "GET", "http://127.0.0.1:4000/", HOST],
    ["an absolute URL and no Host", "GET", "http://127.0.0.1:3000/", undefined],
    ["another scheme", "GET", "ftp://127.0.0.1:3000/", HOST],
    ["an authority", "GET", "127.0.0.1:3000", HOST],
    ["a bare word", "GET", "history", HOST],
    ["an absolute URL that does not parse", "GET", "http://[::1/", HOST],
  ])("%s is invalid", (_name, method, target, host) => {
    expect(readRequestTarget(method, target, host)).toEqual({ kind: "invalid" });
  });
});
