import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { FailedCallView } from "../../bindings/FailedCallView";
import type { SyncLogRequest } from "../../bindings/SyncLogRequest";
import type { SyncProgress } from "../../bindings/SyncProgress";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { sampleRun } from "../dashboard/sample";
import { SyncLogScreen } from "./SyncLogScreen";

const deadCall: FailedCallView = {
  id: 77,
  kind: "warehouse.upsert_order",
  subject: "order:1040",
  state: "dead",
  attempts: 5,
  maxAttempts: 5,
  errorCode: "warehouse.refused",
  error: "the article X-1 does not exist",
  nextAttemptAt: null,
  updatedAt: "2026-11-23T08:00:00.000Z",
};

function logOf(requests: SyncLogRequest[]) {
  return (request: SyncLogRequest) => {
    requests.push(request);
    const runs = [
      sampleRun({ id: 2, flow: "stock", outcome: "failed", error: "reading the warehouse failed: 503", durationMs: 800 }),
      sampleRun({ id: 1 }),
    ].filter((run) => request.flow === null || run.flow === request.flow);
    return { runs, total: request.flow === null ? 60 : runs.length, page: request.page, pageSize: request.pageSize };
  };
}

const idle: SyncProgress = { runnerActive: true, phase: "idle", flow: null, done: 0, total: 0, waiting: 0 };

describe("SyncLogScreen", () => {
  it("lists runs with duration, outcome, counts and error, filters by flow and pages", async () => {
    const requests: SyncLogRequest[] = [];
    mockCommands({ sync_log: logOf(requests), failed_calls: () => ({ calls: [] }) });
    renderWithProviders(<SyncLogScreen />, "sv");

    const rows = await screen.findAllByTestId("run-row");
    expect(rows.map((r) => [r.dataset.flow, r.dataset.outcome])).toEqual([
      ["stock", "failed"],
      ["orders", "succeeded"],
    ]);
    expect(rows[0]!.textContent).toContain("800 ms");
    expect(rows[1]!.textContent, "seconds with a Swedish decimal comma").toContain("2,5 s");
    expect(
      within(rows[1]!).getByTestId("run-counts").textContent,
      "known counts in Swedish, a name the catalog lacks as it is",
    ).toBe("lästa: 12, queued: 3");
    expect(within(rows[0]!).getByTestId("run-error").textContent).toContain("503");
    expect(screen.getByTestId("log-page").textContent).toBe("Sida 1 av 3");

    fireEvent.click(screen.getByTestId("log-next"));
    await waitFor(() => expect(requests.at(-1)?.page).toBe(1));

    fireEvent.change(screen.getByTestId("log-flow-filter"), { target: { value: "orders" } });
    await waitFor(() => expect(screen.getAllByTestId("run-row")).toHaveLength(1));
    expect(requests.at(-1), "a new filter starts at the first page").toMatchObject({ flow: "orders", page: 0 });
  });

  it("retries a call that gave up and says so", async () => {
    const retried: number[][] = [];
    let calls = [deadCall];
    mockCommands({
      sync_log: logOf([]),
      failed_calls: () => ({ calls }),
      retry_calls: ({ ids }) => {
        retried.push(ids);
        calls = [{ ...deadCall, state: "retrying", attempts: 0, nextAttemptAt: "2026-11-23T08:01:00.000Z" }];
        return { queued: 1 };
      },
    });
    renderWithProviders(<SyncLogScreen />, "sv");

    const row = await screen.findByTestId("call-row");
    expect(row.dataset.state).toBe("dead");
    expect(row.textContent, "the reason and the attempts are shown").toContain("the article X-1 does not exist");
    expect(row.textContent).toContain("5 av 5 försök");
    fireEvent.click(within(row).getByTestId("call-retry"));
    expect((await screen.findByTestId("retry-result")).textContent).toBe("1 anrop ligger i kön igen.");
    expect(retried, "exactly that call is retried").toEqual([[77]]);
    await waitFor(() => expect(screen.getByTestId("call-row").dataset.state).toBe("retrying"));
  });

  it("runs a flow now and shows its progress until it is done", async () => {
    const progress: SyncProgress[] = [
      { ...idle, phase: "flow", flow: "orders", waiting: 1 },
      { ...idle, phase: "draining", done: 2, total: 5, waiting: 1 },
    ];
    const started: unknown[] = [];
    // Idle until the run starts, as the backend is.
    mockCommands({
      sync_log: logOf([]),
      failed_calls: () => ({ calls: [] }),
      run_flow_now: (request) => {
        started.push(request);
        return { via: "runner" };
      },
      sync_progress: () => (started.length === 0 ? idle : (progress.shift() ?? idle)),
    });
    renderWithProviders(<SyncLogScreen />, "sv");

    const button = (await screen.findAllByTestId("run-now")).find((b) => b.dataset.flow === "orders")!;
    fireEvent.click(button);
    const line = await screen.findByTestId("run-progress");
    await waitFor(() => expect(line.textContent).toContain("Kör ordrar…"));
    await waitFor(() => expect(screen.getByTestId("run-progress").textContent).toContain("Skickar anrop 2 av 5…"), {
      timeout: 2000,
    });
    expect(button.hasAttribute("disabled"), "one run at a time from here").toBe(true);
    await screen.findByTestId("run-done", {}, { timeout: 2000 });
    expect(started).toEqual([{ flow: "orders" }]);
    expect(button.hasAttribute("disabled"), "done: the buttons work again").toBe(false);
  });

  it("shows what the background runner is doing while nothing was started here", async () => {
    mockCommands({
      sync_log: logOf([]),
      failed_calls: () => ({ calls: [] }),
      sync_progress: () => ({ ...idle, phase: "draining", done: 40, total: 1200, waiting: 0 }),
    });
    renderWithProviders(<SyncLogScreen />, "sv");

    const activity = await screen.findByTestId("engine-activity");
    expect(activity.textContent, "long work shows progress").toContain("Skickar anrop 40 av 1\u00a0200…");
  });

  it("shows why a run could not start", async () => {
    mockCommands({
      sync_log: logOf([]),
      failed_calls: () => ({ calls: [] }),
      run_flow_now: () => {
        throw { code: "validation", message: "Brygga is not live yet" };
      },
    });
    renderWithProviders(<SyncLogScreen />, "en");

    fireEvent.click(await screen.findByTestId("run-all"));
    const banner = await screen.findByTestId("run-now-error");
    expect(banner.textContent).toContain("The run could not be started");
    expect(banner.textContent).toContain("Brygga is not live yet");
  });
});
