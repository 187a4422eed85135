import { render, type RenderOptions } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement, ReactNode } from "react";

/**
 * What wraps every component in the app (layout providers). This is the one place to add one, e.g.
 * a message provider, so that every component test gets it.
 */
function AppProviders({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

/** Renders as the app would, with a user-event session for typing and clicking as a person does. */
export function renderUi(ui: ReactElement, options?: Omit<RenderOptions, "wrapper">) {
  return { user: userEvent.setup(), ...render(ui, { wrapper: AppProviders, ...options }) };
}
