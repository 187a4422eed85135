import { describe, expect, it } from "vitest";
import { buildCsp, createNonce } from "./csp";
import { fallbackSecurityHeaders, securityHeaders } from "./headers";
import { hostnameOf, isAllowedHost, readAllowedHosts, readRequestOrigin, readTrustProxy } from "./hosts";
import { isMalformedRouterState, isStaticAsset, isStaticMethod } from "./next-quirks";
import { hasMalformedEscape } from "./percent-encoding";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("CSP", () => {
  it("allows only nonced scripts, frames nowhere, and lets the camera preview use blob: and data:", () => {
    const csp = buildCsp({ nonce: "abc", cloud: false, dev: false, https: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(directive(csp, "img-src")).toBe("img-src 'self' blob: data:");
    expect(directive(csp, "connect-src")).toBe("connect-src 'self'");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("opens connect-src to the Amplify endpoints only in cloud mode", () => {
    const csp = buildCsp({ nonce: "abc", cloud: true, dev: false, https: true });
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' https://*.amazonaws.com wss://*.amazonaws.com");
    expect(directive(csp, "img-src")).toContain("https://*.amazonaws.com");
    expect(csp).toContain("upgrade-insecure-requests");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const a = createNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(createNonce()).not.toBe(a);
  });

  it("sends HSTS over HTTPS only", () => {
    const plain = securityHeaders({ nonce: "n", cloud: false, dev: false, https: false });
    expect(plain).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(plain["Permissions-Policy"]).toContain("camera=(self), microphone=()");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", cloud: false, dev: false, https: true })["Strict-Transport-Security"]).toMatch(
      /^max-age=\d+/,
    );
  });
});

describe("Host allowlist", () => {
  const allowed = readAllowedHosts({ ALLOWED_HOSTS: " Skinsight.LAN , 192.168.1.20" });
  it.each([
    ["localhost:3000", true],
    ["127.0.0.1", true],
    ["[::1]:3000", true],
    ["skinsight.lan:3000", true],
    ["192.168.1.20", true],
    ["evil.example", false],
    ["localhost.evil.example", false],
    ["evil.example@localhost", false],
    ["", false],
    [null, false],
  ] as const)("%s → %s", (host, ok) => {
    expect(isAllowedHost(host, allowed)).toBe(ok);
  });

  it("holds only loopback names when ALLOWED_HOSTS is unset", () => {
    expect([...readAllowedHosts({})]).toEqual(["localhost", "127.0.0.1", "[::1]"]);
    expect(hostnameOf("LOCALHOST:80")).toBe("localhost");
  });
});

describe("forwarded headers", () => {
  const headers = new Headers({
    host: "localhost:3000",
    "x-forwarded-host": "evil.example",
    "x-forwarded-proto": "https",
  });
  it("are ignored unless TRUST_PROXY says a proxy sets them", () => {
    expect(readTrustProxy({})).toBe(false);
    expect(readRequestOrigin(headers, false)).toEqual({ scheme: "http", host: "localhost:3000" });
  });
  it("are used behind a trusted proxy", () => {
    expect(readTrustProxy({ TRUST_PROXY: "1" })).toBe(true);
    expect(readRequestOrigin(headers, true)).toEqual({ scheme: "https", host: "evil.example" });
  });
});

describe("malformed percent-encoding", () => {
  it.each(["/a/%ff", "/a/%", "/a/%zz", "/a/%C0%AE", "/%E0%A4%A"])("%s is malformed", (path) => {
    expect(hasMalformedEscape(path)).toBe(true);
  });
  it.each(["/a/b", "/a/%20", "/a/%C3%A9", "/a/..%2Fetc"])("%s is fine", (path) => {
    expect(hasMalformedEscape(path)).toBe(false);
  });
});

describe("fallback headers (answers without a page)", () => {
  it("let nothing load or frame, and share the constant headers with the full set", () => {
    const fallback = fallbackSecurityHeaders();
    expect(fallback["Content-Security-Policy"]).toMatch(/^default-src 'none';.*frame-ancestors 'none'$/);
    const full = securityHeaders({ nonce: "n", cloud: false, dev: false, https: false });
    for (const name of ["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Permissions-Policy"]) {
      expect(fallback[name]).toBe(full[name]);
    }
  });
});

describe("requests Next answers with a 500", () => {
  it("knows build files and the methods Next's file server takes", () => {
    expect(isStaticAsset("/_next/static/chunks/a.js")).toBe(true);
    expect(isStaticAsset("/_next/image")).toBe(false);
    expect(isStaticAsset("/static/a.js")).toBe(false);
    expect(["GET", "HEAD", "POST", "OPTIONS"].map(isStaticMethod)).toEqual([true, true, false, false]);
  });

  const tree = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  it.each([
    ["not JSON", "garbage"],
    ["cut short", encodeURIComponent('["",{"children":')],
    ["a broken escape", "%E0%A4%A"],
    ["the wrong shape", tree({ children: [] })],
    ["an unknown param type", tree([["id", "x", "zz", null], {}])],
  ])("a router state that is %s is malformed", (_name, header) => {
    expect(isMalformedRouterState(header)).toBe(true);
  });

  it.each([
    ["absent", null],
    ["the root", tree(["", {}])],
    ["a page under the root", tree(["", { children: ["__PAGE__", {}, null, "refetch"] }])],
    ["a dynamic segment", tree(["", { children: [["id", "abc", "d", null], {}] }])],
  ])("a router state that is %s is fine", (_name, header) => {
    expect(isMalformedRouterState(header)).toBe(false);
  });
});
