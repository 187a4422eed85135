import { screen, waitFor } from "@testing-library/react";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createFakeBackend } from "@/components/testing/fake-backend";
import { renderUi } from "@/components/testing/render";
import { BackendError } from "@/lib/backend/port";
import { MyDataPanel } from "./my-data-panel";

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

async function openDeleteDialog(deleteAccount: (password: string) => Promise<void>) {
  const onDeleted = vi.fn();
  const fake = createFakeBackend({ deleteAccount: vi.fn(deleteAccount) });
  const view = renderUi(<MyDataPanel backend={fake.backend} onDeleted={onDeleted} />);
  await view.user.click(screen.getByRole("button", { name: "Delete my account" }));
  const dialog = await screen.findByRole("dialog", { name: "Delete your account?" });
  return { ...view, dialog, onDeleted, deleteAccount: fake.backend.deleteAccount };
}

describe("deleting the account", () => {
  it("asks for the password before it can delete, and sends it", async () => {
    const { user, deleteAccount, onDeleted } = await openDeleteDialog(async () => {});
    const confirm = screen.getByRole("button", { name: "Delete everything" });
    expect(confirm).toHaveProperty("disabled", true);

    await user.type(screen.getByLabelText("Your password, to confirm"), "Correct horse battery 42");
    expect(confirm).toHaveProperty("disabled", false);
    await user.click(confirm);

    await waitFor(() => expect(onDeleted).toHaveBeenCalledOnce());
    expect(deleteAccount).toHaveBeenCalledWith("Correct horse battery 42");
  });

  it("says plainly that a wrong password deleted nothing, and stays open to try again", async () => {
    const { user, onDeleted } = await openDeleteDialog(async () => {
      throw new BackendError("WRONG_PASSWORD", "That password isn't right. Nothing was deleted.");
    });
    await user.type(screen.getByLabelText("Your password, to confirm"), "wrong");
    await user.click(screen.getByRole("button", { name: "Delete everything" }));

    expect((await screen.findByRole("alert")).textContent).toBe("That password isn't right. Nothing was deleted.");
    expect(onDeleted).not.toHaveBeenCalled();
    expect(screen.getByRole("dialog", { name: "Delete your account?" })).toBeTruthy();
  });
});
