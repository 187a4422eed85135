import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createFakeBackend } from "@/components/testing/fake-backend";
import { renderUi } from "@/components/testing/render";
import { loadMessages } from "@/lib/i18n/load-messages";
import { SelfieStep } from "./selfie-step";

/** The review step after the person chose a file saved at `quality` (undefined: a camera capture). */
function reviewPhotoSavedAt(quality: number | undefined) {
  renderUi(
    <SelfieStep
      backend={createFakeBackend().backend}
      submit={() => async () => undefined}
      onDone={() => undefined}
      renderCapture={(onPhoto) => (
        <button
          type="button"
          onClick={() =>
            onPhoto({ blob: new Blob(), url: "blob:photo", width: 960, height: 1280, sourceJpegQuality: quality })
          }
        >
          take
        </button>
      )}
    />,
  );
  fireEvent.click(screen.getByRole("button", { name: "take" }));
}

const COMPRESSED = /saved with strong compression, as chat apps do/;

describe("SelfieStep", () => {
  it("asks for the original when the chosen file was strongly compressed, and still lets the person go ahead", () => {
    reviewPhotoSavedAt(75);
    expect(screen.getByText(COMPRESSED)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Analyse my skin" })).toHaveProperty("disabled", false);
  });

  it("says nothing of compression for a file saved at a phone camera’s quality", () => {
    reviewPhotoSavedAt(92);
    expect(screen.queryByText(COMPRESSED)).toBeNull();
  });

  it("says nothing of compression for a photo taken in the app", () => {
    reviewPhotoSavedAt(undefined);
    expect(screen.queryByText(COMPRESSED)).toBeNull();
  });

  it("says the same in Malay", () => {
    const compressed = (loadMessages("ms") as { survey: { selfie: { compressed: string } } }).survey.selfie.compressed;
    expect(compressed).toMatch(/mampatan tinggi, seperti yang dilakukan aplikasi sembang/);
  });
});
