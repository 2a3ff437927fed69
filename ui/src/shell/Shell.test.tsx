// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { Shell } from "./Shell";
import { ALL_SCREENS } from "../navigation/screens";
import { renderWithProviders, sampleAppInfo } from "../test/render";

beforeEach(() => mockIPC(() => sampleAppInfo()));
afterEach(() => {
  cleanup();
  clearMocks();
  localStorage.clear();
});

describe("Shell", () => {
  it("offers every screen and marks the current one", () => {
    renderWithProviders(<Shell />);
    const items = screen.getAllByRole("button").filter((b) => b.dataset.screen);
    expect(items.map((b) => b.dataset.screen), "every screen of the product is reachable").toEqual([...ALL_SCREENS]);
    expect(items[0]?.getAttribute("aria-current"), "the dashboard is where the app starts").toBe("page");
  });

  it("shows a plain notice on a screen that is not built yet", () => {
    renderWithProviders(<Shell />);
    fireEvent.click(screen.getByRole("button", { name: "Ordersläpp" }));
    expect(screen.getByTestId("not-built").textContent, "the merchant is told, not shown an empty page").toContain(
      "finns inte ännu",
    );
    expect(screen.getByRole("button", { name: "Ordersläpp" }).getAttribute("aria-current")).toBe("page");
  });

  it("switches to English and remembers the choice", () => {
    renderWithProviders(<Shell />);
    fireEvent.change(screen.getByTestId("language"), { target: { value: "en" } });
    expect(screen.getByRole("button", { name: "Release batches" }), "the navigation follows the language").toBeTruthy();
    expect(localStorage.getItem("brygga.language"), "the choice survives a restart").toBe("en");
    expect(document.documentElement.lang, "screen readers get the right language").toBe("en");
  });
});
