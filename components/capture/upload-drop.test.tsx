import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderUi } from "@/components/testing/render";
import { loadMessages } from "@/lib/i18n/load-messages";
import { UploadDrop } from "./upload-drop";

describe("UploadDrop", () => {
  it("tells the person, with the file picker, to choose the original photo rather than a chat app's copy", () => {
    renderUi(<UploadDrop onPhoto={() => undefined} />);
    // A q75 copy loses 15 points of red-lesion recall against q92 (docs/analyzer-eval.md, input paths).
    const input = screen.getByLabelText("Choose a photo", { exact: true });
    const help = document.getElementById(input.getAttribute("aria-describedby") ?? "");
    expect(help?.textContent).toMatch(/Use the original photo, not a copy sent through a chat app/);
  });

  it("says the same in Malay", () => {
    const help = (loadMessages("ms") as { survey: { capture: { help: string } } }).survey.capture.help;
    expect(help).toMatch(/Guna foto asal, bukan salinan yang dihantar melalui aplikasi sembang/);
  });
});
