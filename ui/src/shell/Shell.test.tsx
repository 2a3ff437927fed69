import { fireEvent, screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { LANGUAGE_STORAGE_KEY } from "../i18n";
import { mockCommands } from "../platform/testing";
import { ALL_SCREENS } from "../navigation/screens";
import { renderWithProviders, sampleAppInfo } from "../test/render";
import { Shell } from "./Shell";

beforeEach(() => {
  mockCommands({ app_info: () => sampleAppInfo() });
});

function navButtons(): HTMLElement[] {
  return within(screen.getByRole("navigation")).getAllByRole("button");
}

describe("Shell", () => {
  it("offers every screen and marks the current one", async () => {
    renderWithProviders(<Shell />);
    expect(
      navButtons().map((b) => b.dataset["screen"]),
      "every screen of the product is reachable, each once",
    ).toEqual([...ALL_SCREENS]);
    expect(new Set(ALL_SCREENS).size, "no screen is listed twice").toBe(ALL_SCREENS.length);
    const current = navButtons().filter((b) => b.getAttribute("aria-current") === "page");
    expect(current.map((b) => b.dataset["screen"]), "the dashboard is where the app starts").toEqual(["dashboard"]);
    await screen.findByTestId("schema-version");
  });

  it("opens the returns screen from the navigation", async () => {
    renderWithProviders(<Shell />);
    fireEvent.click(screen.getByRole("button", { name: "Returer" }));
    expect(screen.getByTestId("screen-title").textContent, "the header names the screen").toBe("Returer");
    expect(screen.getByRole("button", { name: "Returer" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("button", { name: "Översikt" }).getAttribute("aria-current"), "only one is current").toBeNull();
    expect(screen.queryByTestId("not-built"), "every screen of the product is built").toBeNull();
  });

  it("starts in Swedish, switches to English and remembers the choice", () => {
    renderWithProviders(<Shell />);
    expect(document.documentElement.lang, "Swedish is the default").toBe("sv");
    expect(screen.getByRole("button", { name: "Svenska" }).getAttribute("aria-pressed")).toBe("true");

    fireEvent.click(screen.getByRole("button", { name: "English" }));
    expect(screen.getByRole("button", { name: "Release batches" }), "the navigation follows the language").toBeTruthy();
    expect(screen.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY), "the choice survives a restart").toBe("en");
    expect(document.documentElement.lang, "screen readers get the right language").toBe("en");

    fireEvent.click(screen.getByRole("button", { name: "Returns" }));
    expect(screen.getByTestId("screen-title").textContent, "the header follows the language").toBe("Returns");
  });

  it("starts in the language remembered from last time", () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, "en");
    renderWithProviders(<Shell />);
    expect(screen.getByRole("button", { name: "Dashboard" }).getAttribute("aria-current")).toBe("page");
    expect(document.documentElement.lang).toBe("en");
  });

  it("ignores a stored value that is not a language", () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, "de");
    renderWithProviders(<Shell />);
    expect(screen.getByRole("button", { name: "Översikt" }), "an unknown value falls back to Swedish").toBeTruthy();
  });
});
