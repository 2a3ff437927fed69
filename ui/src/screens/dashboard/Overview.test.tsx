import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NavigationProvider, type Destination } from "../../navigation/navigate";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { Overview } from "./Overview";
import { sampleDashboard } from "./sample";

function withNavigation(visited: Destination[]) {
  return (
    <NavigationProvider value={{ current: { screen: "dashboard" }, navigate: (to) => visited.push(to) }}>
      <Overview />
    </NavigationProvider>
  );
}

describe("Overview", () => {
  it("lists what needs attention and opens the screen that fixes each, at the right item", async () => {
    mockCommands({ dashboard: () => sampleDashboard() });
    const visited: Destination[] = [];
    renderWithProviders(withNavigation(visited), "sv");

    const items = await screen.findAllByTestId("attention-item");
    expect(
      items.map((item) => [item.dataset.kind, item.dataset.focus]),
      "every problem is listed with what to open",
    ).toEqual([
      ["failedFlow", "statuses"],
      ["deadCall", "77"],
      ["unmappedShippingMethod", "12"],
      ["heldOrder", "1031"],
      ["overdueBatch", "5"],
    ]);
    expect(items[2]!.textContent, "the method's orders are counted").toContain(
      "Fraktsättet Budbee saknar transportör (2 ordrar väntar)",
    );
    expect(items[0]!.textContent, "the flow is named in words").toContain("Flödet orderstatus misslyckades");

    for (const item of items) fireEvent.click(within(item).getByTestId("attention-fix"));
    expect(visited, "one click leads to the fix").toEqual([
      { screen: "syncLog", focus: "statuses" },
      { screen: "syncLog", focus: "77" },
      { screen: "transportMapping", focus: "12" },
      { screen: "orders", focus: "1031" },
      { screen: "releaseBatches", focus: "5" },
    ]);
  });

  it("leads open inbound deviations and a refused purchase order change to the inbound screen", async () => {
    mockCommands({
      dashboard: () =>
        sampleDashboard({
          attention: [
            {
              kind: "inboundDeviation",
              focus: "PO-000001",
              subject: "PO-000001 (Garnhuset AB)",
              code: "inbound.deviation",
              message: "2 line(s) of the delivery differ from the purchase order",
              count: 2,
              at: "2026-11-23T07:00:00Z",
            },
            {
              kind: "refusedPurchaseOrder",
              focus: "PO-000002",
              subject: "PO-000002 (Ullfabriken)",
              code: "inbound.refused",
              message: "the warehouse has started receiving",
              count: 1,
              at: null,
            },
          ],
        }),
    });
    const visited: Destination[] = [];
    renderWithProviders(withNavigation(visited), "sv");

    const items = await screen.findAllByTestId("attention-item");
    expect(items[0]!.textContent, "the open deviations are counted").toContain(
      "Inleveransen PO-000001 (Garnhuset AB) avviker (2 rader att kvittera)",
    );
    expect(items[1]!.textContent).toContain("Lagret nekade en ändring av inköpsorder PO-000002 (Ullfabriken)");
    for (const item of items) fireEvent.click(within(item).getByTestId("attention-fix"));
    expect(visited, "one click opens the purchase order on the inbound screen").toEqual([
      { screen: "inbound", focus: "PO-000001" },
      { screen: "inbound", focus: "PO-000002" },
    ]);
  });

  it("leads a return back in the warehouse to that return on the returns screen", async () => {
    mockCommands({
      dashboard: () =>
        sampleDashboard({
          attention: [
            {
              kind: "returnArrived",
              focus: "1031-R1",
              subject: "1031-R1 (order 1031)",
              code: "returns.arrived",
              message: "the goods of return 1031-R1 have arrived",
              count: 1,
              at: "2026-11-23T07:00:00Z",
            },
          ],
        }),
    });
    const visited: Destination[] = [];
    renderWithProviders(withNavigation(visited), "sv");

    const [item] = await screen.findAllByTestId("attention-item");
    expect(item!.textContent).toContain("Returen 1031-R1 (order 1031) har kommit tillbaka till lagret");
    fireEvent.click(within(item!).getByTestId("attention-fix"));
    expect(visited, "one click opens the return").toEqual([{ screen: "returns", focus: "1031-R1" }]);
  });

  it("shows both connections' health, each flow's last outcome and next run, and the counts", async () => {
    mockCommands({ dashboard: () => sampleDashboard() });
    renderWithProviders(<Overview />, "en");

    const health = await screen.findAllByTestId("connection-health");
    expect(health.map((h) => [h.dataset.system, h.dataset.state])).toEqual([
      ["shop", "ok"],
      ["warehouse", "failing"],
    ]);
    expect(health[1]!.textContent, "the failure is explained").toContain("503 Service Unavailable");
    const rows = screen.getAllByTestId("flow-row");
    const statuses = rows.find((row) => row.dataset.flow === "statuses")!;
    expect(within(statuses).getByTestId("flow-outcome").dataset.outcome).toBe("failed");
    const stock = rows.find((row) => row.dataset.flow === "stock")!;
    expect(within(stock).getByTestId("flow-next").textContent, "a flow without schedule runs by hand").toBe(
      "By hand only",
    );
    expect(screen.getByTestId("count-orders").textContent, "numbers are grouped by locale").toBe("1,234");
    expect(screen.getByTestId("live-status").dataset.runner).toBe("true");
  });

  it("says when Brygga is not live and nothing needs attention", async () => {
    mockCommands({
      dashboard: () => sampleDashboard({ live: false, baseline: null, runnerActive: false, attention: [] }),
    });
    renderWithProviders(<Overview />, "sv");

    const status = await screen.findByTestId("live-status");
    expect(status.textContent, "the merchant is sent to the go-live steps").toContain("inte i drift");
    expect(screen.getByTestId("attention-empty").textContent).toBe("Inget behöver åtgärdas just nu.");
  });

  it("tests the connections live on request", async () => {
    mockCommands({
      dashboard: () => sampleDashboard(),
      check_connections: () => ({
        shop: { ok: true, message: "shop Demo" },
        warehouse: { ok: false, message: "the API user may not act for goods owner 7" },
        checkedAt: "2026-11-23T08:10:00.000Z",
      }),
    });
    renderWithProviders(<Overview />, "sv");

    fireEvent.click(await screen.findByTestId("check-connections"));
    const results = await screen.findAllByTestId("connection-check");
    expect(results.map((r) => r.dataset.ok)).toEqual(["true", "false"]);
    expect(results[1]!.textContent, "the reason is shown").toContain("goods owner 7");
  });

  it("shows a failed dashboard call with a retry", async () => {
    let calls = 0;
    mockCommands({
      dashboard: () => {
        calls += 1;
        if (calls === 1) throw { code: "databaseLocked", message: "busy" };
        return sampleDashboard();
      },
    });
    renderWithProviders(<Overview />, "sv");

    const banner = await screen.findByTestId("overview-error");
    expect(banner.textContent).toContain("Kunde inte hämta översikten");
    fireEvent.click(screen.getByRole("button", { name: "Försök igen" }));
    await screen.findByTestId("overview");
    expect(calls).toBe(2);
  });
});
