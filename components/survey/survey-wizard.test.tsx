import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createFakeBackend } from "@/components/testing/fake-backend";
import { renderUi } from "@/components/testing/render";
import { saveDraft } from "./survey-storage";
import { SurveyWizard } from "./survey-wizard";

// The wizard only navigates once a photo is sent, which these tests never do.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

async function renderWizard() {
  const view = renderUi(<SurveyWizard backend={createFakeBackend().backend} renderCapture={() => null} />);
  await screen.findByRole("heading", { name: "Your skin type" });
  return view;
}

describe("SurveyWizard", () => {
  it("shows why Next did not move on, and clears the message as soon as the answer is given", async () => {
    const { user } = await renderWizard();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("Please choose your skin type.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Your skin type" })).toBeTruthy();

    await user.click(screen.getByRole("radio", { name: "Oily" }));
    await waitFor(() => expect(screen.queryByText("Please choose your skin type.")).toBeNull());

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByRole("heading", { name: "Concerns and goals" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(await screen.findByText("Please choose at least one concern.")).toBeTruthy();
    await user.click(screen.getByRole("checkbox", { name: "Redness" }));
    await waitFor(() => expect(screen.queryByText("Please choose at least one concern.")).toBeNull());
  });

  it("refuses a fifth concern on the spot and says why, until one is unticked", async () => {
    const { user } = await renderWizard();
    await user.click(screen.getByRole("radio", { name: "Oily" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    await screen.findByRole("heading", { name: "Concerns and goals" });

    const concern = (name: string) => screen.getByRole<HTMLInputElement>("checkbox", { name });
    for (const name of ["Acne and breakouts", "Redness", "Dark spots and pigmentation", "Visible pores"]) {
      await user.click(concern(name));
    }
    await user.click(concern("Dullness"));
    expect(concern("Dullness").checked).toBe(false);
    expect(concern("Visible pores").checked).toBe(true);
    expect(screen.getByText("You can choose up to four. Untick one to choose another.")).toBeTruthy();

    await user.click(concern("Redness"));
    expect(screen.queryByText(/You can choose up to four/)).toBeNull();
    await user.click(concern("Dullness"));
    expect(concern("Dullness").checked).toBe(true);
    expect(concern("Redness").checked).toBe(false);
  });

  it("picks up where the saved draft left off", async () => {
    saveDraft({ values: { skinType: "dry", concerns: ["redness"], goals: [], currentActives: [] }, step: 2 });
    renderUi(<SurveyWizard backend={createFakeBackend().backend} renderCapture={() => null} />);
    expect(await screen.findByRole("heading", { name: "Concerns and goals" })).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Redness" }).checked).toBe(true);
  });
});
