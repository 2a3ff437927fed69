import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { HoldBackRequest } from "../../bindings/HoldBackRequest";
import type { PutOnHoldRequest } from "../../bindings/PutOnHoldRequest";
import type { ReleaseNowRequest } from "../../bindings/ReleaseNowRequest";
import type { ReleaseResult } from "../../bindings/ReleaseResult";
import type { SaveReleaseSettingsRequest } from "../../bindings/SaveReleaseSettingsRequest";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { ReleaseScreen } from "./ReleaseScreen";
import { sampleBatch, sampleOverview, sampleResult } from "./sample";

function row(order: number): HTMLElement {
  const found = screen.getAllByTestId("candidate").find((r) => r.dataset["order"] === String(order));
  if (found === undefined) throw new Error(`no row for order ${order}`);
  return found;
}

describe("ReleaseScreen", () => {
  it("lists the waiting orders with pickability in words and what the next batch does", async () => {
    mockCommands({ release_overview: () => sampleOverview() });
    renderWithProviders(<ReleaseScreen />, "sv");

    await screen.findByTestId("candidates");
    expect(screen.getAllByTestId("candidate").map((r) => r.dataset["order"])).toEqual(["1031", "1032", "1033"]);
    expect(within(row(1031)).getByTestId("pickability").textContent, "a symbol and words, not colour alone").toBe(
      "✓Allt i lager",
    );
    expect(within(row(1032)).getByTestId("pickability").textContent).toContain("Delvis i lager");
    expect(within(row(1033)).getByTestId("pickability").textContent).toContain("Restad");
    expect(within(row(1031)).getByTestId("fate").textContent).toBe("Släpps");
    expect(within(row(1032)).getByTestId("fate").textContent, "the reason is translated from its code").toBe(
      "Väntar: inte helt plockbar",
    );
    expect(screen.getByTestId("release-summary").textContent).toBe("1 av 3 väntande ordrar följer med nästa släpp.");
    expect(screen.getByTestId("next-batch-time").textContent).toContain("Nästa schemalagda släpp");
    expect(screen.getByTestId("history-empty").textContent).toBe("Inga släpp ännu.");
    expect(screen.getByTestId("settings-not-saved"), "unsaved defaults are marked").toBeTruthy();
  });

  it("releases exactly the selected orders and shows the outcome", async () => {
    const requests: ReleaseNowRequest[] = [];
    let released = false;
    let finish: (result: ReleaseResult) => void = () => undefined;
    mockCommands({
      release_overview: () =>
        released
          ? sampleOverview({ candidates: sampleOverview().candidates.slice(1), history: [sampleBatch()] })
          : sampleOverview(),
      release_now: (request) => {
        requests.push(request);
        return new Promise<ReleaseResult>((resolve) => (finish = resolve));
      },
    });
    renderWithProviders(<ReleaseScreen />, "sv");
    await screen.findByTestId("candidates");

    expect(screen.getByTestId("release-now").textContent, "with nothing ticked, the rule decides").toBe("Släpp nu");
    fireEvent.click(screen.getByRole("checkbox", { name: "Välj order 1031" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Välj order 1033" }));
    const button = screen.getByTestId("release-now");
    expect(button.textContent).toBe("Släpp valda (2)");
    fireEvent.click(button);

    await waitFor(() => expect(requests).toEqual([{ orders: [1031, 1033] }]));
    expect(screen.getByTestId("release-now").textContent, "long work shows progress").toBe(" Släpper…");
    expect((screen.getByTestId("release-now") as HTMLButtonElement).disabled, "no second click while it runs").toBe(
      true,
    );

    released = true;
    finish(sampleResult());
    const result = await screen.findByTestId("release-result");
    expect(result.textContent).toContain("1 ordrar släpptes");
    await screen.findByTestId("history");
    expect(screen.getAllByTestId("history-order").map((o) => o.textContent)).toEqual(["Order 1031: Släppt"]);
    expect(screen.getAllByTestId("candidate").map((r) => r.dataset["order"]), "the overview is read again").toEqual([
      "1032",
      "1033",
    ]);
  });

  it("releases what the rule takes when nothing is selected", async () => {
    const requests: ReleaseNowRequest[] = [];
    mockCommands({
      release_overview: () => sampleOverview(),
      release_now: (request) => {
        requests.push(request);
        return sampleResult();
      },
    });
    renderWithProviders(<ReleaseScreen />, "en");
    fireEvent.click(await screen.findByRole("button", { name: "Release now" }));
    await waitFor(() => expect(requests, "null asks the backend to apply the rule").toEqual([{ orders: null }]));
  });

  it("holds an order back and lets it go", async () => {
    const requests: HoldBackRequest[] = [];
    mockCommands({
      release_overview: () =>
        sampleOverview({
          candidates: [
            sampleOverview().candidates[0]!,
            { ...sampleOverview().candidates[1]!, heldBack: true, skipReason: "heldBack", skipMessage: "held back" },
          ],
        }),
      hold_back_orders: (request) => {
        requests.push(request);
        return null;
      },
    });
    renderWithProviders(<ReleaseScreen />, "en");
    fireEvent.click(await screen.findByRole("button", { name: "Hold back Order 1031" }));
    fireEvent.click(await screen.findByRole("button", { name: "Let go Order 1032" }));
    await waitFor(() =>
      expect(requests).toEqual([
        { orders: [1031], held: true },
        { orders: [1032], held: false },
      ]),
    );
    expect(within(row(1032)).getByTestId("fate").textContent).toBe("Waits: held back");
  });

  it("puts a released order back on hold from the history", async () => {
    const requests: PutOnHoldRequest[] = [];
    let held = false;
    mockCommands({
      release_overview: () =>
        held
          ? sampleOverview({
              candidates: [{ ...sampleOverview().candidates[0]!, heldBack: true, willRelease: false, skipReason: "heldBack" }],
              history: [sampleBatch()],
            })
          : sampleOverview({ candidates: sampleOverview().candidates.slice(1), history: [sampleBatch()] }),
      put_orders_on_hold: (request) => {
        requests.push(request);
        held = true;
        return { done: 1, failed: 0, retrying: 0, problems: [] };
      },
    });
    renderWithProviders(<ReleaseScreen />, "sv");
    fireEvent.click(await screen.findByRole("button", { name: "Sätt tillbaka i väntan Order 1031" }));
    await waitFor(() => expect(requests).toEqual([{ orders: [1031] }]));
    expect((await screen.findByTestId("put-on-hold-result")).textContent).toContain("1 ordrar sattes tillbaka i väntan");
    await waitFor(() =>
      expect(screen.queryByTestId("put-on-hold"), "waiting again, the order has no button").toBeNull(),
    );
    expect(within(row(1031)).getByTestId("fate").textContent).toBe("Väntar: hålls tillbaka");
  });

  it("edits holidays, paid only, statuses, shipping methods and the released status", async () => {
    const saved: SaveReleaseSettingsRequest[] = [];
    mockCommands({
      release_overview: () => sampleOverview(),
      save_release_settings: (request) => {
        saved.push(request);
        if (request.settings.holidays.includes("2025-13-01")) {
          throw {
            code: "validation",
            message: 'the release settings were not saved: the holiday "2025-13-01" is not a date; expected YYYY-MM-DD',
          };
        }
        return request.settings;
      },
    });
    renderWithProviders(<ReleaseScreen />, "en");
    fireEvent.click(await screen.findByRole("button", { name: "Add holiday" }));
    fireEvent.click(screen.getByRole("button", { name: "Add holiday" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Holiday 1 (YYYY-MM-DD)" }), {
      target: { value: "2025-12-24" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Holiday 2 (YYYY-MM-DD)" }), {
      target: { value: "2025-13-01" },
    });
    fireEvent.click(screen.getByRole("checkbox", { name: "Paid orders only" }));
    fireEvent.change(screen.getByTestId("shop-statuses"), { target: { value: "1, x2" } });
    fireEvent.change(screen.getByTestId("shipping-methods"), { target: { value: "3,7" } });
    fireEvent.change(screen.getByTestId("released-status"), { target: { value: "300" } });
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));

    expect((await screen.findByTestId("settings-form-problem")).textContent, "a bad id is caught before saving").toContain(
      '"x2"',
    );
    expect(saved).toEqual([]);

    fireEvent.change(screen.getByTestId("shop-statuses"), { target: { value: "1, 2" } });
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    const error = await screen.findByTestId("settings-error");
    expect(error.textContent, "the server's message is shown next to the form").toContain("2025-13-01");
    expect(screen.queryByTestId("settings-form-problem")).toBeNull();
    expect(saved[0]?.settings.holidays).toEqual(["2025-12-24", "2025-13-01"]);
    expect(saved[0]?.settings.rule).toMatchObject({ paidOnly: true, shopStatuses: [1, 2], shippingMethods: [3, 7] });
    expect(saved[0]?.settings.releasedStatus).toBe(300);

    fireEvent.click(screen.getByRole("button", { name: "Remove holiday 2" }));
    fireEvent.click(screen.getByRole("button", { name: "Save rules" }));
    await screen.findByTestId("settings-saved");
    expect(saved[1]?.settings.holidays).toEqual(["2025-12-24"]);
  });

  it("reads the overview again every 15 seconds, so new orders appear by themselves", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let reads = 0;
      mockCommands({
        release_overview: () => {
          reads += 1;
          return reads === 1 ? sampleOverview({ candidates: [] }) : sampleOverview();
        },
      });
      renderWithProviders(<ReleaseScreen />, "sv");
      await screen.findByTestId("next-batch");
      expect(screen.queryByTestId("candidate")).toBeNull();
      await vi.advanceTimersByTimeAsync(15_000);
      await waitFor(() => expect(screen.getAllByTestId("candidate")).toHaveLength(3));
      expect(reads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the backend's validation message when the settings are refused", async () => {
    const saved: SaveReleaseSettingsRequest[] = [];
    mockCommands({
      release_overview: () => sampleOverview(),
      save_release_settings: (request) => {
        saved.push(request);
        throw {
          code: "validation",
          message: 'the release settings were not saved: "25:00" is not a time of day for `at`; expected HH:MM',
        };
      },
    });
    renderWithProviders(<ReleaseScreen />, "sv");
    const first = await screen.findByRole("textbox", { name: "Släpptid 1" });
    fireEvent.change(first, { target: { value: "25:00" } });
    fireEvent.change(screen.getByTestId("max-per-batch"), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Spara regler" }));

    const error = await screen.findByTestId("settings-error");
    expect(error.textContent).toContain("Reglerna sparades inte");
    expect(error.textContent, "the title comes from the code").toContain("Ogiltiga uppgifter");
    expect(error.textContent, "the detail names the field").toContain("`at`");
    expect(saved[0]?.settings.times[0], "the edited time goes as typed").toEqual({
      at: "25:00",
      days: ["mon", "tue", "wed", "thu", "fri"],
    });
    expect(saved[0]?.settings.rule.maxPerBatch).toBe(5);
  });

  it("offers release and skip for an overdue batch", async () => {
    const skipped: number[] = [];
    mockCommands({
      release_overview: () =>
        sampleOverview({
          overdue: [sampleBatch({ id: 3, state: "overdue", startedBy: "schedule", slotAt: "2025-11-24T06:00:00Z", orders: [] })],
        }),
      skip_overdue_batch: ({ batchId }) => {
        skipped.push(batchId);
        return null;
      },
    });
    renderWithProviders(<ReleaseScreen />, "sv");
    const overdue = await screen.findByTestId("overdue-batch");
    expect(within(overdue).getByRole("button", { name: "Släpp nu" })).toBeTruthy();
    fireEvent.click(within(overdue).getByRole("button", { name: "Hoppa över" }));
    await waitFor(() => expect(skipped).toEqual([3]));
  });

  it("sends the merchant to Connections when nothing is connected", async () => {
    mockCommands({
      release_overview: () => {
        throw { code: "notConfigured", message: "connection.ongoing has not been set up yet" };
      },
    });
    renderWithProviders(<ReleaseScreen />, "sv");
    const banner = await screen.findByTestId("release-error");
    expect(banner.textContent).toContain("Inte inställt ännu");
    expect(screen.getByTestId("release-not-configured").textContent).toContain("Kopplingar");
  });
});
