/**
 * The methods each route of app/ serves, for the `Allow` header of a 405 (RFC 9110 §15.5.6: a 405
 * must say what is allowed) and the answer to OPTIONS. Next 16 renders a page for any method
 * (DELETE /history answered 200) and answers OPTIONS on a page with a 400, and its 405 for a route
 * handler names no methods. route-methods.test.ts checks this table against the files in app/.
 */

/** A page renders for GET (and HEAD); the app has no Server Actions and no form posts to a page. */
export const PAGE_METHODS = ["GET", "HEAD", "OPTIONS"] as const;

/** Next answers HEAD for a handler that exports GET, and OPTIONS for every handler. */
const handler = (...methods: string[]) => [
  ...methods,
  ...(methods.includes("GET") && !methods.includes("HEAD") ? ["HEAD"] : []),
  "OPTIONS",
];

export const PAGE_ROUTES = [
  "/",
  "/account",
  "/account/deleted",
  "/accuracy",
  "/analyses/[id]",
  "/analyze",
  "/guest",
  "/guest/[id]",
  "/guest/keep",
  "/history",
  "/privacy",
  "/products",
  "/sign-in",
] as const;

export const API_ROUTES: Readonly<Record<string, readonly string[]>> = {
  "/accuracy/report": handler("GET"),
  "/api/health": handler("GET"),
  "/api/local/analyses": handler("GET", "POST"),
  "/api/local/analyses/[id]": handler("GET", "DELETE"),
  "/api/local/analyses/[id]/image": handler("GET", "POST", "PUT"),
  "/api/local/analyses/[id]/start": handler("POST"),
  "/api/local/auth/me": handler("GET"),
  "/api/local/auth/sign-in": handler("POST"),
  "/api/local/auth/sign-out": handler("POST"),
  "/api/local/auth/sign-up": handler("POST"),
  "/api/local/diagnostics": handler("GET"),
  "/api/local/events": handler("GET", "HEAD"),
  "/api/local/guest": handler("POST"),
  "/api/local/guest/analyses/[id]/shown": handler("POST"),
  "/api/local/guest/keep": handler("POST"),
  "/api/local/me": handler("DELETE"),
  "/api/local/me/export": handler("GET"),
};

const toMatcher = (route: string) => new RegExp(`^${route.replace(/\[[^\]/]+\]/g, "[^/]+")}$`);

// A static segment wins over a dynamic one, as in Next's router (/guest/keep is not /guest/[id]).
const MATCHERS: ReadonlyArray<[RegExp, readonly string[]]> = [
  ...PAGE_ROUTES.map((route): [string, readonly string[]] => [route, PAGE_METHODS]),
  ...Object.entries(API_ROUTES),
]
  .sort(([a], [b]) => Number(a.includes("[")) - Number(b.includes("[")))
  .map(([route, methods]) => [toMatcher(route), methods]);

/** The methods the route at this (decoded) path serves; null when no route of the app is there. */
export function allowedMethods(pathname: string): readonly string[] | null {
  for (const [matcher, methods] of MATCHERS) if (matcher.test(pathname)) return methods;
  return null;
}

export function isPagePath(pathname: string): boolean {
  return allowedMethods(pathname) === PAGE_METHODS;
}
