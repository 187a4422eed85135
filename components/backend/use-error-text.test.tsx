import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderUi } from "@/components/testing/render";
import { BackendError } from "@/lib/backend/port";
import { useErrorText } from "./use-error-text";

function Shown({ error }: { error: unknown }) {
  const describe = useErrorText();
  return <p>{describe(error)}</p>;
}

const tooSmall = new BackendError("INVALID_INPUT", "That photo is too small (server words).", {
  reason: "PHOTO_TOO_SMALL",
});

describe("useErrorText", () => {
  it("shows the server's own English words in English", () => {
    renderUi(<Shown error={tooSmall} />);
    expect(screen.getByText("That photo is too small (server words).")).toBeTruthy();
  });

  it("words a reason in Malay, with the size it asks for, rather than the code's general line", () => {
    renderUi(<Shown error={tooSmall} />, { locale: "ms" });
    expect(screen.getByText(/Foto itu terlalu kecil\. .*320 piksel/)).toBeTruthy();
  });

  it("tells a wrong password from an expired session in Malay, though both are UNAUTHENTICATED", () => {
    const bad = new BackendError("UNAUTHENTICATED", "x", { reason: "BAD_CREDENTIALS" });
    const expired = new BackendError("UNAUTHENTICATED", "y");
    renderUi(
      <>
        <Shown error={bad} />
        <Shown error={expired} />
      </>,
      { locale: "ms" },
    );
    expect(screen.getByText("E-mel dan kata laluan itu tidak sepadan dengan mana-mana akaun.")).toBeTruthy();
    expect(screen.getByText("Sila log masuk semula.")).toBeTruthy();
  });
});
