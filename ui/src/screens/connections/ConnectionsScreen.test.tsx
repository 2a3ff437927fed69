import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ConnectionsOverview } from "../../bindings/ConnectionsOverview";
import type { OngoingConnectionForm } from "../../bindings/OngoingConnectionForm";
import type { StarwebConnectionForm } from "../../bindings/StarwebConnectionForm";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { ConnectionsScreen } from "./ConnectionsScreen";

const saved: ConnectionsOverview = {
  ongoing: { apiUrl: "https://api.ongoingsystems.se/Lagret/", user: "brygga", goodsOwnerId: 42, secretStored: true },
  starweb: null,
};

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe("ConnectionsScreen", () => {
  it("shows the saved connection and whether its secret is stored, never the secret", async () => {
    mockCommands({ connections_overview: () => saved });
    renderWithProviders(<ConnectionsScreen />, "sv");
    await screen.findByTestId("connections");
    expect((screen.getByTestId("ongoing-api-url") as HTMLInputElement).value).toBe(saved.ongoing?.apiUrl);
    expect((screen.getByTestId("ongoing-goods-owner") as HTMLInputElement).value).toBe("42");
    expect((screen.getByTestId("ongoing-password") as HTMLInputElement).value, "the password field starts empty").toBe(
      "",
    );
    expect(screen.getByTestId("ongoing-secret-stored").dataset["stored"]).toBe("true");
    expect(screen.getByTestId("starweb-secret-stored").dataset["stored"], "nothing saved for the shop").toBe("false");
  });

  it("tests the typed values before saving and words each verdict", async () => {
    const tests: OngoingConnectionForm[] = [];
    let verdict: "wrongGoodsOwner" | "ok" = "wrongGoodsOwner";
    mockCommands({
      connections_overview: () => saved,
      test_ongoing_connection: (request) => {
        tests.push(request);
        return verdict === "ok"
          ? { verdict: "ok", name: "Kaj AB", message: "goods owner 43 (Kaj AB)" }
          : { verdict, name: null, message: "the API user may act for goods owner 42, not 43" };
      },
    });
    renderWithProviders(<ConnectionsScreen />, "sv");
    await screen.findByTestId("connections");
    type("ongoing-goods-owner", "43");
    fireEvent.click(screen.getByTestId("ongoing-test"));
    const shown = await screen.findByTestId("ongoing-verdict");
    expect(shown.dataset["verdict"]).toBe("wrongGoodsOwner");
    expect(shown.textContent).toContain("får inte arbeta för det varuägar-id:t");
    expect(tests[0], "an empty password means the stored one").toEqual({
      apiUrl: "https://api.ongoingsystems.se/Lagret/",
      user: "brygga",
      goodsOwnerId: 43,
      password: null,
    });

    verdict = "ok";
    type("ongoing-password", "hemligt");
    fireEvent.click(screen.getByTestId("ongoing-test"));
    await waitFor(() => expect(screen.getByTestId("ongoing-verdict").dataset["verdict"]).toBe("ok"));
    expect(screen.getByTestId("ongoing-verdict").textContent).toContain("Inloggad som varuägare Kaj AB.");
    expect(tests[1]?.password).toBe("hemligt");
  });

  it("refuses a goods owner id that is not a number without asking the backend", async () => {
    mockCommands({ connections_overview: () => saved });
    renderWithProviders(<ConnectionsScreen />, "sv");
    await screen.findByTestId("connections");
    type("ongoing-goods-owner", "abc");
    fireEvent.click(screen.getByTestId("ongoing-save"));
    expect(screen.getByTestId("ongoing-problem").textContent).toBe("Varuägar-id måste vara ett positivt heltal.");
  });

  it("saves the shop connection and clears the secret field afterwards", async () => {
    const saves: StarwebConnectionForm[] = [];
    let overview = saved;
    mockCommands({
      connections_overview: () => overview,
      save_starweb_connection: (request) => {
        saves.push(request);
        overview = { ...saved, starweb: { apiUrl: request.apiUrl, clientId: request.clientId, secretStored: true } };
        return overview;
      },
    });
    renderWithProviders(<ConnectionsScreen />, "sv");
    await screen.findByTestId("connections");
    type("starweb-api-url", " https://kaj.starwebserver.se/api/v2 ");
    type("starweb-client-id", "client-1");
    type("starweb-client-secret", "s3cret");
    fireEvent.click(screen.getByTestId("starweb-save"));
    await screen.findByTestId("starweb-saved");
    expect(saves).toEqual([
      { apiUrl: "https://kaj.starwebserver.se/api/v2", clientId: "client-1", clientSecret: "s3cret" },
    ]);
    expect((screen.getByTestId("starweb-client-secret") as HTMLInputElement).value, "the secret is not kept").toBe("");
  });

  it("shows a backend refusal with its translated title", async () => {
    mockCommands({
      connections_overview: () => saved,
      save_ongoing_connection: () => {
        throw { code: "validation", message: "Ongoing API URL is empty" };
      },
    });
    renderWithProviders(<ConnectionsScreen />, "sv");
    await screen.findByTestId("connections");
    fireEvent.click(screen.getByTestId("ongoing-save"));
    const banner = await screen.findByTestId("ongoing-save-error");
    expect(banner.textContent).toContain("Ogiltiga uppgifter");
    expect(banner.textContent).toContain("Ongoing API URL is empty");
  });
});
