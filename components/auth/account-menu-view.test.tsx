import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { renderUi } from "@/components/testing/render";
import { AccountMenuView, type AccountMenuLabels } from "./account-menu-view";
import type { Session } from "./session-provider";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));
const signOut = vi.fn(async () => {});
let session: Session = { status: "signed-out", checked: false };
vi.mock("./session-provider", () => ({ useSession: () => ({ session, signOut, refresh: vi.fn() }) }));

// Words unlike the English messages, so the test shows the menu renders what the server gave it.
const labels: AccountMenuLabels = {
  signIn: "Masuk",
  menuFor: { before: "Menu of ", after: " (account)" },
  signedInAs: { before: "You are ", after: " here" },
  yourAnalyses: "Checks",
  yourData: "Data",
  privacy: "Privacy",
  signOut: "Leave",
  signingOut: "Leaving…",
};

describe("AccountMenuView", () => {
  beforeEach(() => {
    push.mockClear();
    signOut.mockClear();
  });

  it("offers the sign-in link when signed out", () => {
    session = { status: "signed-out", checked: false };
    renderUi(<AccountMenuView labels={labels} />);
    expect(screen.getByRole("link", { name: "Masuk" }).getAttribute("href")).toBe("/sign-in");
  });

  it("slots the signed-in email into the server's words, and signs out", async () => {
    session = { status: "signed-in", user: { id: "u1", email: "siti@example.my" }, backend: {} as never };
    const { user } = renderUi(<AccountMenuView labels={labels} />);
    await user.click(screen.getByRole("button", { name: "Menu of siti@example.my (account)" }));
    const menu = screen.getByText((_, el) => el?.tagName === "P" && el.textContent === "You are siti@example.my here");
    expect(within(menu).getByText("siti@example.my").classList.contains("font-medium")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Leave" }));
    expect(signOut).toHaveBeenCalledOnce();
    expect(push).toHaveBeenCalledWith("/");
  });
});
