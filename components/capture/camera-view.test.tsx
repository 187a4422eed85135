import { act, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderUi } from "@/components/testing/render";
import { CameraView } from "./camera-view";
import { PhotoError, type PreparedPhoto } from "./image-processing";

// The encode is held open so the test can look at the view while it runs.
let finishEncode: (photo: PreparedPhoto) => void = () => undefined;
let failEncode: (error: unknown) => void = () => undefined;
vi.mock("./image-processing", async (original) => ({
  ...(await original<typeof import("./image-processing")>()),
  drawToJpeg: vi.fn(
    () =>
      new Promise<PreparedPhoto>((resolve, reject) => {
        finishEncode = resolve;
        failEncode = reject;
      }),
  ),
}));

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const track = { stop: vi.fn() };
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: { getUserMedia: vi.fn(async () => ({ getTracks: () => [track] })) },
  });
  // jsdom has no canvas: the live lighting hint then stays "ok".
  vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue(null);
  vi.spyOn(HTMLMediaElement.prototype, "play").mockResolvedValue(undefined);
  vi.spyOn(HTMLVideoElement.prototype, "videoWidth", "get").mockReturnValue(1920);
  vi.spyOn(HTMLVideoElement.prototype, "videoHeight", "get").mockReturnValue(1440);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  Reflect.deleteProperty(navigator, "mediaDevices");
});

/** Renders the view, waits for the camera, presses the shutter and lets the countdown run out. */
async function pressShutterAndWait(onCapture: (photo: PreparedPhoto) => void) {
  const view = renderUi(<CameraView onCapture={onCapture} onUseUpload={vi.fn()} />);
  const shutter = await screen.findByRole("button", { name: "Take photo" });
  await vi.waitFor(() => expect((shutter as HTMLButtonElement).disabled).toBe(false));
  await view.user.click(shutter);
  // Each second's tick is set after the last one rendered.
  for (let second = 0; second < 3; second++) await act(() => vi.advanceTimersByTimeAsync(1000));
  return { ...view, shutter: shutter as HTMLButtonElement };
}

const photo = { blob: new Blob(), url: "blob:photo", width: 1280, height: 960 };

describe("CameraView", () => {
  it("says it is preparing the photo, with the shutter held, from the end of the countdown until the photo is ready", async () => {
    const onCapture = vi.fn();
    const { shutter } = await pressShutterAndWait(onCapture);

    expect(screen.getByRole("status").textContent).toBe("Preparing photo…");
    expect(shutter.disabled).toBe(true);
    expect(onCapture).not.toHaveBeenCalled();

    await act(async () => finishEncode(photo));
    expect(onCapture).toHaveBeenCalledWith(photo);
    expect(screen.getByRole("status").textContent).not.toBe("Preparing photo…");
    expect(shutter.disabled).toBe(false);
  });

  it("drops a photo that is ready only after the view closed (the person switched to upload meanwhile)", async () => {
    const onCapture = vi.fn();
    // jsdom has no revokeObjectURL to spy on.
    const revoke = vi.fn();
    const original = URL.revokeObjectURL;
    URL.revokeObjectURL = revoke;
    try {
      const { unmount } = await pressShutterAndWait(onCapture);
      unmount();
      await act(async () => finishEncode(photo));
      expect(onCapture).not.toHaveBeenCalled();
      expect(revoke).toHaveBeenCalledWith("blob:photo");
    } finally {
      URL.revokeObjectURL = original;
    }
  });

  it("says the camera's pictures are too small, rather than 'try again', when its frames are under the minimum", async () => {
    await pressShutterAndWait(vi.fn());
    await act(async () => failEncode(new PhotoError("TOO_SMALL", "too small")));
    expect(screen.getByRole("alert").textContent).toContain("Your camera's pictures are too small to check.");
  });
});
