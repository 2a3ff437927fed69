import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ListOrdersRequest } from "../../bindings/ListOrdersRequest";
import type { RetryOrderCallRequest } from "../../bindings/RetryOrderCallRequest";
import { NavigationProvider, type Destination } from "../../navigation/navigate";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { OrdersScreen } from "./OrdersScreen";
import { sampleDetail, samplePage } from "./sample";

// jsdom lays nothing out; the virtualizer reads the scroll area's size from these.
const sizes = ["clientHeight", "clientWidth"] as const;
const saved = sizes.map((name) => Object.getOwnPropertyDescriptor(Element.prototype, name));
beforeAll(() => {
  Object.defineProperty(Element.prototype, "clientHeight", { configurable: true, get: () => 600 });
  Object.defineProperty(Element.prototype, "clientWidth", { configurable: true, get: () => 1100 });
});
afterAll(() => {
  sizes.forEach((name, at) => {
    const descriptor = saved[at];
    if (descriptor !== undefined) Object.defineProperty(Element.prototype, name, descriptor);
  });
});

function openAt(focus: string) {
  return (
    <NavigationProvider value={{ current: { screen: "orders", focus }, navigate: () => undefined }}>
      <OrdersScreen />
    </NavigationProvider>
  );
}

describe("OrdersScreen", () => {
  it("lists 20 000 orders with only the rows in view rendered, newest first", async () => {
    const requests: ListOrdersRequest[] = [];
    mockCommands({
      list_orders: (request) => {
        requests.push(request);
        return samplePage(request.offset, request.limit, 20_000);
      },
    });
    renderWithProviders(<OrdersScreen />, "sv");

    await screen.findAllByTestId("order-row");
    const rows = screen.getAllByTestId("order-row");
    expect(rows[0]?.dataset["order"], "newest order number first").toBe("20000");
    expect(rows.length, "a window of rows, not all 20 000").toBeLessThan(60);
    expect(screen.getByTestId("orders-count").textContent, "Swedish digit grouping").toMatch(/^20\s000 ordrar$/);
    const first = rows[0];
    if (first === undefined) throw new Error("no first row");
    expect(within(first).getByTestId("order-state").textContent).toBe("I lagret");
    expect(within(first).getByTestId("order-warehouse-status").textContent).toBe("200 Öppen-OK");
    expect(within(first).getByTestId("order-shop-status").textContent).toBe("Ny");
    expect(within(first).getByTestId("order-tracking").textContent).toBe("–");
    expect(requests.every((r) => r.offset === 0), "only the first page was needed").toBe(true);
  });

  it("asks again with the filters chosen", async () => {
    const requests: ListOrdersRequest[] = [];
    mockCommands({
      list_orders: (request) => {
        requests.push(request);
        return samplePage(request.offset, request.limit, request.state === "held" ? 0 : 3);
      },
    });
    renderWithProviders(<OrdersScreen />, "sv");
    await screen.findAllByTestId("order-row");

    fireEvent.change(screen.getByTestId("orders-filter-state"), { target: { value: "held" } });
    await screen.findByTestId("orders-empty");
    expect(screen.getByTestId("orders-empty").textContent).toBe("Inga ordrar matchar filtret.");
    fireEvent.change(screen.getByTestId("orders-filter-locked"), { target: { value: "true" } });
    fireEvent.change(screen.getByTestId("orders-filter-text"), { target: { value: "103" } });
    await waitFor(() => expect(requests.some((r) => r.text === "103")).toBe(true));
    expect(requests.at(-1), "every filter goes with the request").toMatchObject({
      state: "held",
      locked: true,
      text: "103",
      offset: 0,
    });
    fireEvent.click(screen.getByTestId("orders-filter-clear"));
    await waitFor(() => expect(screen.getAllByTestId("order-row")).toHaveLength(3));
  });

  it("opens the order the dashboard points at, with its timeline in order and the tracking number", async () => {
    mockCommands({ order_detail: () => sampleDetail() });
    renderWithProviders(openAt("1031"), "sv");

    const page = await screen.findByTestId("order-page");
    expect(page.dataset["order"]).toBe("1031");
    await screen.findByTestId("order-timeline");
    expect(screen.getAllByTestId("timeline-entry").map((e) => e.dataset["kind"])).toEqual([
      "shop.seen",
      "warehouse.upsert_order",
      "warehouse.status",
      "warehouse.tracking",
      "shop.set_status",
    ]);
    expect(screen.getByTestId("timeline-tracking").textContent).toContain("SE123");
    expect(screen.getByTestId("order-tracking").textContent).toBe("SE123");
    expect(screen.getByTestId("order-lock").textContent).toContain("Låst");
    const sent = screen.getAllByTestId("timeline-entry")[1];
    if (sent === undefined) throw new Error("no send entry");
    expect(within(sent).getByTestId("timeline-payload").textContent, "the payload sent is shown").toContain(
      '"orderNumber": "1031"',
    );
    expect((screen.getByTestId("resend-order") as HTMLButtonElement).disabled, "a locked order is not re-sent").toBe(
      true,
    );
  });

  it("links the order's returns to the returns screen", async () => {
    mockCommands({ order_detail: () => sampleDetail({ returns: ["1031-R1", "1031-R2"] }) });
    const visited: Destination[] = [];
    renderWithProviders(
      <NavigationProvider value={{ current: { screen: "orders", focus: "1031" }, navigate: (to) => visited.push(to) }}>
        <OrdersScreen />
      </NavigationProvider>,
      "sv",
    );
    const links = await screen.findAllByTestId("order-return");
    expect(links.map((l) => l.textContent)).toEqual(["1031-R1", "1031-R2"]);
    fireEvent.click(links[1]!);
    expect(visited, "the return opens on the returns screen").toEqual([{ screen: "returns", focus: "1031-R2" }]);
  });

  it("shows no returns field for an order nothing came back from", async () => {
    mockCommands({ order_detail: () => sampleDetail() });
    renderWithProviders(openAt("1031"), "sv");
    await screen.findByTestId("order-timeline");
    expect(screen.queryByTestId("order-returns")).toBeNull();
  });

  it("tries a dead call again and says what happened", async () => {
    const retried: RetryOrderCallRequest[] = [];
    mockCommands({
      order_detail: () => sampleDetail(),
      retry_order_call: (request) => {
        retried.push(request);
        return { outcome: "done", message: "call 12 was made and accepted", callId: 12 };
      },
    });
    renderWithProviders(openAt("1031"), "sv");
    await screen.findByTestId("order-calls");
    const dead = screen.getAllByTestId("order-call").find((c) => c.dataset["status"] === "dead");
    if (dead === undefined) throw new Error("no dead call");
    expect(within(dead).getByTestId("call-error").textContent).toBe("Senaste fel: the shop answered 503");
    fireEvent.click(within(dead).getByTestId("retry-call"));

    const result = await screen.findByTestId("order-action-result");
    expect(retried).toEqual([{ shopOrderId: 1031, callId: 12 }]);
    expect(result.dataset["outcome"]).toBe("done");
    expect(result.textContent).toContain("Klart: anropet gjordes och togs emot.");
  });

  it("shows a refused re-send and a failing action clearly", async () => {
    let fail = false;
    mockCommands({
      order_detail: () => sampleDetail({ canResend: true, order: { ...sampleDetail().order, locked: false } }),
      resend_order: () => {
        if (fail) throw { code: "remoteUnavailable", message: "the warehouse did not answer" };
        return { outcome: "refused", message: "the warehouse has started on it", callId: null };
      },
    });
    renderWithProviders(openAt("1031"), "sv");
    await screen.findByTestId("order-timeline");
    fireEvent.click(screen.getByTestId("resend-order"));
    const result = await screen.findByTestId("order-action-result");
    expect(result.dataset["outcome"]).toBe("refused");
    expect(result.textContent).toContain("the warehouse has started on it");

    fail = true;
    await waitFor(() => expect((screen.getByTestId("resend-order") as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId("resend-order"));
    const error = await screen.findByTestId("order-action-error");
    expect(error.dataset["errorCode"]).toBe("remoteUnavailable");
    expect(error.textContent).toContain("the warehouse did not answer");
  });

  it("speaks English when chosen, and shows status ids when the shop's names are missing", async () => {
    mockCommands({
      list_orders: (request) => ({
        ...samplePage(request.offset, request.limit, 2),
        orders: samplePage(request.offset, request.limit, 2).orders.map((o) => ({ ...o, shopStatusName: null, locked: true })),
        shopStatusNames: false,
      }),
    });
    renderWithProviders(<OrdersScreen />, "en");
    await screen.findAllByTestId("order-row");
    expect(screen.getByTestId("orders-count").textContent).toBe("2 orders");
    expect(screen.getByTestId("orders-names-missing").textContent).toContain("shown as numbers");
    const row = screen.getAllByTestId("order-row")[0];
    if (row === undefined) throw new Error("no row");
    expect(within(row).getByTestId("order-shop-status").textContent, "the id stands in for the name").toBe("#1");
    expect(within(row).getByTestId("order-lock").textContent).toBe("Locked");
    expect(within(row).getByTestId("order-state").textContent).toBe("In the warehouse");
  });
});
