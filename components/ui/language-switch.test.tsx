import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderUi } from "@/components/testing/render";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { LanguageSwitch } from "./language-switch";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

const labels = { switchTo: "English", switchToShort: "EN", switchLabel: "Switch to English", switching: "Menukar…" };

describe("LanguageSwitch", () => {
  afterEach(() => {
    document.cookie = `${LOCALE_COOKIE}=; Path=/; Max-Age=0`;
  });

  it("saves the other language in the cookie the server reads, and re-renders", async () => {
    const { user } = renderUi(<LanguageSwitch locale="ms" labels={labels} />);
    const button = screen.getByRole("button", { name: "Switch to English" });
    expect(button.getAttribute("lang")).toBe("en");
    await user.click(button);
    expect(document.cookie).toContain(`${LOCALE_COOKIE}=en`);
    expect(refresh).toHaveBeenCalledOnce();
  });
});
