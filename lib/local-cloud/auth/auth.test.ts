import { afterEach, describe, expect, it } from "vitest";
import { openTempDb } from "@/testing/local-cloud/temp-db";
import { credentialsSchema, signIn, signUp } from "./accounts";
import { assertSameOrigin } from "./origin";
import { hashPassword, verifyPassword } from "./passwords";
import { createSession, deleteSession, findSessionUser, readSessionToken, sessionCookie } from "./sessions";
import { delayAfter, THROTTLE } from "./throttle";
import { readAllowedHosts } from "../../web-security/hosts";

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const db = () => {
  const temp = openTempDb();
  cleanups.push(temp.cleanup);
  return temp.db;
};
const now = new Date("2025-01-01T00:00:00.000Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("passwords", () => {
  it("hashes with a fresh salt and verifies only the right password", async () => {
    const [a, b] = await Promise.all([hashPassword("correct horse"), hashPassword("correct horse")]);
    expect(a).not.toBe(b);
    expect(a.startsWith("scrypt$")).toBe(true);
    expect(await verifyPassword("correct horse", a)).toBe(true);
    expect(await verifyPassword("correct horsf", a)).toBe(false);
    expect(await verifyPassword("anything", "garbage")).toBe(false);
  });
});

describe("sign-up validation", () => {
  it.each([
    [{ email: "not-an-email", password: "Password-1234" }, "valid email"],
    [{ email: "a@example.com", password: "short" }, "at least 12"],
    [{ email: "a@example.com", password: "all-lower-case-1" }, "capital letter"],
    [{ email: "a@example.com", password: "No-Digits-Here" }, "number"],
    [{ email: "a@example.com", password: "x".repeat(129) }, "at most 128"],
    [{ email: "a@example.com" }, "enter a password"],
  ])("refuses %j with a human message", (input, message) => {
    const result = credentialsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("normalises the email", () => {
    expect(credentialsSchema.parse({ email: "  Ana@Example.COM ", password: "Password-1234" }).email).toBe(
      "ana@example.com",
    );
  });
});

describe("accounts", () => {
  it("refuses a second account for the same email in any case", async () => {
    const d = db();
    await signUp(d, { email: "ana@example.com", password: "Password-1234" }, now);
    await expect(signUp(d, { email: "ANA@example.com", password: "Password-1234" }, now)).rejects.toMatchObject({
      code: "CONFLICT",
      reason: "EMAIL_TAKEN",
    });
    await expect(
      signIn(d, { email: "ana@example.com", password: "nope-nope" }, now, "203.0.113.9"),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED", reason: "BAD_CREDENTIALS" });
  });

  const HOME = "203.0.113.7";
  const wrong = (d: ReturnType<typeof db>, email: string, at: Date, address = HOME) =>
    expect(signIn(d, { email, password: "nope-nope" }, at, address)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });

  it("slows an email after five failures with growing delays, not a lock, and lets the right password in after the wait", async () => {
    const d = db();
    const user = await signUp(d, { email: "ana@example.com", password: "Password-1234" }, now);
    for (let i = 0; i < THROTTLE.email.free; i++) await wrong(d, "ana@example.com", now);
    // Even the right password waits, from any address: the delay is per email.
    await expect(
      signIn(d, { email: "ana@example.com", password: "Password-1234" }, now, "198.51.100.1"),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
      retryAfterS: 1,
    });
    // The next failure doubles the wait.
    await wrong(d, "ana@example.com", later(1000));
    await expect(
      signIn(d, { email: "ana@example.com", password: "Password-1234" }, later(2500), HOME),
    ).rejects.toMatchObject({
      code: "RATE_LIMITED",
      retryAfterS: 1,
    });
    expect(await signIn(d, { email: "ana@example.com", password: "Password-1234" }, later(3000), HOME)).toEqual(user);
    // Success clears the record: the next wrong try is not delayed.
    await wrong(d, "ana@example.com", later(3000));
  });

  it("caps a stranger's hold on someone's email at a minute", () => {
    expect([5, 6, 7].map((n) => delayAfter(n, THROTTLE.email))).toEqual([1000, 2000, 4000]);
    expect(delayAfter(50, THROTTLE.email)).toBe(60_000);
    expect(delayAfter(4, THROTTLE.email)).toBe(0);
  });

  it("slows one client trying many different emails, and only that client", async () => {
    const d = db();
    for (let i = 0; i < THROTTLE.address.free; i++) await wrong(d, `guess-${i}@example.com`, now);
    await expect(signIn(d, { email: "fresh@example.com", password: "nope-nope" }, now, HOME)).rejects.toMatchObject({
      code: "RATE_LIMITED",
    });
    // Another client is not slowed by this one.
    await wrong(d, "fresh@example.com", now, "198.51.100.1");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    await expect(
      signIn(db(), { email: "nobody@example.com", password: "Password-1234" }, now, "203.0.113.7"),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "That email and password don't match an account.",
    });
  });
});

describe("sessions", () => {
  it("finds the user for a live token, not for an expired or deleted one", async () => {
    const d = db();
    const user = await signUp(d, { email: "ana@example.com", password: "Password-1234" }, now);
    const { token } = createSession(d, user.id, now, 1);
    expect(findSessionUser(d, token, now)).toEqual(user);
    expect(findSessionUser(d, token, later(2 * 3600 * 1000))).toBeNull();
    expect(findSessionUser(d, `${token}x`, now)).toBeNull();
    deleteSession(d, token);
    expect(findSessionUser(d, token, now)).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax cookie and reads it back", () => {
    const cookie = sessionCookie("abc", 60, false);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    expect(sessionCookie("abc", 60, true)).toContain("Secure");
    expect(readSessionToken("theme=dark; skinsight_session=abc; x=1")).toBe("abc");
    expect(readSessionToken("theme=dark")).toBeNull();
  });
});

describe("Origin check", () => {
  const request = (method: string, headers: Record<string, string>) =>
    new Request("http://localhost:3000/api/local/analyses", {
      method,
      headers: { host: "localhost:3000", ...headers },
    });
  it.each([
    ["POST", { origin: "http://localhost:3000" }, true],
    ["POST", {}, true],
    ["GET", { origin: "https://evil.example" }, true],
    ["POST", { origin: "https://evil.example" }, false],
    ["DELETE", { origin: "http://localhost:3001" }, false],
    ["PUT", { origin: "null" }, false],
    ["POST", { "sec-fetch-site": "cross-site" }, false],
    // The scheme counts, not only the host.
    ["POST", { origin: "https://localhost:3000" }, false],
    // A forged X-Forwarded-Host cannot make a foreign Origin match.
    [
      "POST",
      { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      false,
    ],
    // DNS rebinding: Host and Origin agree, but the name is not ours.
    ["POST", { origin: "http://evil.example:3000", host: "evil.example:3000" }, false],
  ] as const)("%s with %j allowed: %s", (method, headers, allowed) => {
    const check = () =>
      assertSameOrigin(request(method, headers), { trustProxy: false, allowedHosts: readAllowedHosts({}) });
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("uses forwarded headers only behind a trusted proxy, and still checks the allowlist", () => {
    const behindProxy = (origin: string, forwardedHost: string) =>
      assertSameOrigin(
        request("POST", {
          origin,
          "x-forwarded-host": forwardedHost,
          "x-forwarded-proto": "https",
          host: "127.0.0.1:3000",
        }),
        { trustProxy: true, allowedHosts: readAllowedHosts({ ALLOWED_HOSTS: "skin.example" }) },
      );
    expect(() => behindProxy("https://skin.example", "skin.example")).not.toThrow();
    expect(() => behindProxy("http://skin.example", "skin.example")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
    expect(() => behindProxy("https://evil.example", "evil.example")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN" }),
    );
  });
});
