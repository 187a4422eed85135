import { describe, expect, it } from "vitest";
import { mightBeSignedIn, rememberSignedIn } from "./session-hint";

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe("session hint", () => {
  it("says a browser that never signed in has no session, so public pages skip the backend", () => {
    expect(mightBeSignedIn(memoryStorage())).toBe(false);
  });

  it("remembers a sign-in and forgets it on sign-out", () => {
    const storage = memoryStorage();
    rememberSignedIn(true, storage);
    expect(mightBeSignedIn(storage)).toBe(true);
    rememberSignedIn(false, storage);
    expect(mightBeSignedIn(storage)).toBe(false);
  });

  it("asks the backend when storage is missing or throws", () => {
    expect(mightBeSignedIn(null)).toBe(true);
    const blocked = {
      getItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(mightBeSignedIn(blocked)).toBe(true);
  });
});
