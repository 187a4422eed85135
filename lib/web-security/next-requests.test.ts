import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isImageOptimizerPath, refuseServerAction } from "./next-quirks";

// Requests Next answers with a log line per request; proxy.ts answers them first.

describe("the image optimiser path", () => {
  it.each([
    ["/_next/image", true],
    ["/_next/image/", true],
    ["/_next/imagex", false],
    ["/_next/static/media/a.png", false],
    ["/image", false],
  ])("%s → %s", (path, expected) => {
    expect(isImageOptimizerPath(path)).toBe(expected);
  });
});

describe("Server Action requests (the app has none)", () => {
  const ID = "7f" + "0123456789abcdef0123456789abcdef01234567";
  const post = (headers: Record<string, string>) => refuseServerAction("POST", new Headers(headers));

  it.each([
    ["garbage", "garbage"],
    ["one character short", ID.slice(1)],
    ["one character long", ID + "0"],
    ["not hex", "z".repeat(42)],
    ["empty", ""],
  ])("an id that is %s → 400", (_name, id) => {
    expect(post({ "next-action": id })?.status).toBe(400);
  });

  it("a well-formed id → 409, which Next's client reads as 'action not found'", () => {
    expect(post({ "next-action": ID })?.status).toBe(409);
  });

  it.each(["multipart/form-data; boundary=x", "Multipart/Form-Data"])(
    "a multipart body (%s) without an id → 409 (Next takes it for a form's action)",
    (type) => {
      expect(post({ "content-type": type })?.status).toBe(409);
    },
  );

  it.each([
    ["a JSON POST", "POST", { "content-type": "application/json" }],
    ["a POST with no body type", "POST", {}],
    ["a urlencoded form (Next renders the page)", "POST", { "content-type": "application/x-www-form-urlencoded" }],
    ["a GET with an id", "GET", { "next-action": "garbage" }],
    ["a GET with a form type", "GET", { "content-type": "application/x-www-form-urlencoded" }],
  ])("%s is left to Next", (_name, method, headers) => {
    expect(refuseServerAction(method, new Headers(headers))).toBeNull();
  });

  // proxy.ts answers every Server Action request for Next. Adding one ('use server') must revisit that.
  it("no source file declares a Server Action", () => {
    const sources = ["app", "components", "lib"].flatMap((dir) => listSources(dir));
    expect(sources.length).toBeGreaterThan(100);
    const declaring = sources.filter((file) => /^\s*["']use server["']/m.test(readFileSync(file, "utf8")));
    expect(declaring).toEqual([]);
  });
});

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : listSources(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
