import { describe, expect, it } from "vitest";
import { preferJitlessZod } from "./zod-jitless";

describe("preferJitlessZod", () => {
  it("sets jitless on the object zod reads its settings from, keeping other settings", () => {
    const scope: Record<string, unknown> = { __zod_globalConfig: { locale: "x" } };
    preferJitlessZod(scope);
    expect(scope.__zod_globalConfig).toEqual({ locale: "x", jitless: true });
  });

  it("creates that object when zod has not loaded yet", () => {
    const scope: Record<string, unknown> = {};
    preferJitlessZod(scope);
    expect(scope.__zod_globalConfig).toEqual({ jitless: true });
  });

  it("is where zod keeps its config, so zod loaded later is jitless (fails if a zod upgrade moves it)", async () => {
    preferJitlessZod();
    const { globalConfig } = await import("zod/v4/core");
    const { z } = await import("zod");
    expect(globalConfig).toBe((globalThis as unknown as Record<string, unknown>).__zod_globalConfig);
    expect(z.config().jitless).toBe(true);
  });
});
