import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { allowedMethods, API_ROUTES, isPagePath, PAGE_METHODS, PAGE_ROUTES } from "./route-methods";

const APP = join(process.cwd(), "app");

function filesNamed(name: string, dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : filesNamed(name, path);
    return entry.name === name ? [path] : [];
  });
}

/** app/analyses/[id]/page.tsx → /analyses/[id] (route groups in parentheses leave no segment). */
const routeOf = (file: string) =>
  "/" +
  relative(APP, file)
    .split("/")
    .slice(0, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .join("/");

describe("the route table matches app/", () => {
  it("lists every page, and nothing else as a page", () => {
    expect([...PAGE_ROUTES].sort()).toEqual(filesNamed("page.tsx").map(routeOf).sort());
  });

  it("lists every route handler with the methods it exports", () => {
    const found = Object.fromEntries(
      filesNamed("route.ts").map((file) => {
        const source = readFileSync(file, "utf8");
        const exported = [
          ...source.matchAll(/export (?:async )?(?:function|const) (GET|HEAD|POST|PUT|DELETE|PATCH)\b/g),
        ];
        return [routeOf(file), exported.map((m) => m[1]).sort()];
      }),
    );
    const listed = Object.fromEntries(
      Object.entries(API_ROUTES).map(([route, methods]) => [
        route,
        // What the handler exports: without the HEAD and OPTIONS Next adds itself.
        methods.filter((m) => m !== "OPTIONS" && (m !== "HEAD" || found[route]?.includes("HEAD"))).sort(),
      ]),
    );
    expect(listed).toEqual(found);
  });
});

describe("allowedMethods", () => {
  it.each([
    ["/", PAGE_METHODS],
    ["/analyses/00000000-0000-4000-8000-000000000000", PAGE_METHODS],
    ["/guest/keep", PAGE_METHODS],
    ["/api/local/analyses/abc/image", ["GET", "POST", "PUT", "HEAD", "OPTIONS"]],
    ["/api/local/events", ["GET", "HEAD", "OPTIONS"]],
    ["/api/local/me", ["DELETE", "OPTIONS"]],
  ])("%s → %j", (path, methods) => {
    expect(allowedMethods(path)).toEqual(methods);
  });

  it.each(["/no-such-page", "/history/", "/analyses", "/analyses/a/b", "/api/local/nothing", "/_next/static/x.js"])(
    "%s is no route of the app",
    (path) => {
      expect(allowedMethods(path)).toBeNull();
      expect(isPagePath(path)).toBe(false);
    },
  );
});
