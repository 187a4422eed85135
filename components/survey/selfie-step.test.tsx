import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { createFakeBackend } from "@/components/testing/fake-backend";
import { renderUi } from "@/components/testing/render";
import { BackendError } from "@/lib/backend/port";
import { makeAnalysis, SURVEY } from "@/testing/domain/records";
import { SelfieStep } from "./selfie-step";

/** The review step after the person chose a file saved at `quality` (undefined: a camera capture). */
function reviewPhotoSavedAt(quality: number | undefined, locale: "en" | "ms" = "en") {
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
    { locale },
  );
  fireEvent.click(screen.getByRole("button", { name: "take" }));
}

const COMPRESSED = /saved with strong compression, as chat apps do/;

describe("SelfieStep", () => {
  it("asks for the original when the chosen file was saved below 85, and still lets the person go ahead", () => {
    reviewPhotoSavedAt(84);
    expect(screen.getByText(COMPRESSED)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Analyse my skin" })).toHaveProperty("disabled", false);
  });

  it("says nothing of compression from 85 up, where a phone camera saves", () => {
    reviewPhotoSavedAt(85);
    expect(screen.queryByText(COMPRESSED)).toBeNull();
  });

  it("says nothing of compression for a photo taken in the app", () => {
    reviewPhotoSavedAt(undefined);
    expect(screen.queryByText(COMPRESSED)).toBeNull();
  });

  it("says the same in Malay", () => {
    reviewPhotoSavedAt(60, "ms");
    expect(screen.getByText(/disimpan dengan mampatan tinggi, seperti yang dilakukan aplikasi sembang/)).toBeTruthy();
  });

  it("deletes the check it created when the photo is refused, so no check waits for a photo in the history", async () => {
    const created = makeAnalysis({ id: "c1", status: "CREATED" });
    const { backend } = createFakeBackend({
      createAnalysis: vi.fn(() => Promise.resolve(created)),
      uploadSelfie: vi.fn(() =>
        Promise.reject(new BackendError("INVALID_INPUT", "too small", { reason: "PHOTO_TOO_SMALL" })),
      ),
      deleteAnalysis: vi.fn(() => Promise.resolve()),
    });
    const onDone = vi.fn();
    renderUi(
      <SelfieStep
        backend={backend}
        submit={(run) => () => run({ ...SURVEY, consent: true })}
        onDone={onDone}
        renderCapture={(onPhoto) => (
          <button type="button" onClick={() => onPhoto({ blob: new Blob(), url: "blob:p", width: 960, height: 1280 })}>
            take
          </button>
        )}
      />,
      { locale: "ms" },
    );
    fireEvent.click(screen.getByRole("button", { name: "take" }));
    fireEvent.click(screen.getByRole("button", { name: /Semak kulit saya/ }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/Foto itu terlalu kecil/);
    expect(backend.deleteAnalysis).toHaveBeenCalledWith("c1");
    expect(onDone).not.toHaveBeenCalled();
  });

  it("keeps the check it uploaded when what follows the upload fails, and replaces only the old one", async () => {
    const created = makeAnalysis({ id: "c1", status: "CREATED" });
    const { backend } = createFakeBackend({
      createAnalysis: vi.fn(() => Promise.resolve(created)),
      uploadSelfie: vi.fn(() => Promise.resolve({ ...created, status: "UPLOADED" as const })),
      deleteAnalysis: vi.fn(() => Promise.resolve()),
    });
    const navigated = new Promise<void>((resolve) => {
      renderUi(
        <SelfieStep
          backend={backend}
          replaces="old"
          submit={(run) => () => run({ ...SURVEY, consent: true }).catch(() => resolve())}
          onDone={() => {
            throw new Error("navigation failed");
          }}
          renderCapture={(onPhoto) => (
            <button
              type="button"
              onClick={() => onPhoto({ blob: new Blob(), url: "blob:p", width: 960, height: 1280 })}
            >
              take
            </button>
          )}
        />,
      );
    });
    fireEvent.click(screen.getByRole("button", { name: "take" }));
    fireEvent.click(screen.getByRole("button", { name: "Analyse my skin" }));
    await navigated;
    expect(vi.mocked(backend.deleteAnalysis).mock.calls).toEqual([["old"]]);
  });
});
