import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { NavigationProvider } from "../../navigation/navigate";
import { mockCommands, type CommandHandlers } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { ReturnsScreen } from "./ReturnsScreen";
import type {
  RegisterReturnRequest,
  ReturnDetail,
  ReturnSaved,
  ReturnableOrder,
  SetReturnStateRequest,
} from "./types";

/** Intl puts no-break spaces in Swedish numbers; compare with plain spaces. */
const plain = (text: string | null | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

type Handlers = CommandHandlers;

function mock(handlers: Handlers) {
  mockCommands(handlers);
}

const NOW = "2026-11-23T09:00:00Z";

type Line = { sku: string; announced: number; received: number; conditions?: string[] };

function sampleReturn(
  number: string,
  over: Partial<ReturnDetail["summary"]> = {},
  lines: Line[] = [],
  differences: ReturnDetail["differences"] = [],
): ReturnDetail {
  return {
    summary: {
      number,
      kind: "regret",
      state: "announced",
      orderNumber: "1040",
      cause: "REGRET",
      warehouseStatus: null,
      announced: lines.reduce((s, l) => s + l.announced, 0),
      received: lines.reduce((s, l) => s + l.received, 0),
      differences: differences.length,
      waitingForMerchant: false,
      refund: null,
      delivery: { state: "sent", message: null },
      createdAt: NOW,
      ...over,
    },
    lines: lines.map((l) => ({ name: null, removed: 0, cause: null, conditions: [], ...l })),
    differences,
    note: null,
    handlingNote: null,
  };
}

const saved = (detail: ReturnDetail): ReturnSaved => ({ detail, shopCommentWritten: true, comment: "written", problem: null });

const order: ReturnableOrder = {
  orderNumber: "1042",
  customerName: "Anna Svensson",
  email: "anna@example.se",
  delivered: true,
  lines: [
    { sku: "SOCK-1", ordered: 2, delivered: 2, alreadyReturned: 0, returnable: 2 },
    { sku: "HAT-1", ordered: 1, delivered: 1, alreadyReturned: 1, returnable: 0 },
  ],
};

function base(returns: ReturnDetail[], extra: Handlers = {}): Handlers {
  return {
    list_returns: () => ({ returns: returns.map((r) => r.summary), waitingForMerchant: 0 }),
    return_detail: ({ number }) => {
      const found = returns.find((r) => r.summary.number === number);
      if (found === undefined) throw { code: "validation", message: `there is no return ${number}` };
      return found;
    },
    list_return_causes: () => ({
      causes: [
        { code: "SIZE", name: "Fel storlek", removesFromStock: false, commentRequired: false },
        { code: "DAMAGED", name: "Trasig", removesFromStock: true, commentRequired: true },
      ],
    }),
    find_returnable_orders: () => ({ orders: [order] }),
    ...extra,
  };
}

function row(id: string): HTMLElement {
  const found = screen.getAllByTestId("return-row").find((r) => r.dataset["return"] === id);
  if (found === undefined) throw new Error(`no row for ${id}`);
  return found;
}

async function search(text: string): Promise<HTMLElement> {
  await screen.findByTestId("return-search");
  fireEvent.change(screen.getByTestId("return-search"), { target: { value: text } });
  fireEvent.click(screen.getByTestId("return-search-submit"));
  return screen.findByTestId("return-form");
}

describe("ReturnsScreen", () => {
  it("lists the merchant's and the warehouse's returns with kind, state and differences in words", async () => {
    const complaint = sampleReturn(
      "RET-2",
      { kind: "complaint", state: "received", waitingForMerchant: true },
      [{ sku: "HAT-2", announced: 2, received: 1, conditions: ["Skadad"] }],
      [{ sku: "HAT-2", announced: 2, received: 1, removed: 0, difference: -1, kinds: ["under"] }],
    );
    const unannounced = sampleReturn("RET-4", { kind: "unannounced", state: "received", orderNumber: null });
    mock(base([complaint, unannounced]));
    renderWithProviders(<ReturnsScreen />, "sv");

    await screen.findByTestId("return-list");
    expect(screen.getAllByTestId("return-row").map((r) => r.dataset["kind"])).toEqual(["complaint", "unannounced"]);
    expect(within(row("RET-2")).getByTestId("return-state").textContent).toBe("Mottagen");
    expect(within(row("RET-2")).getByTestId("return-kind").textContent).toBe("Reklamation");
    expect(within(row("RET-2")).getByTestId("return-differences").textContent).toBe("1");
    expect(within(row("RET-4")).getByTestId("return-order").textContent, "a return not linked to an order says so").toBe(
      "Ingen order kopplad",
    );

    fireEvent.click(within(row("RET-2")).getByTestId("return-open"));
    const line = await screen.findByTestId("return-line");
    expect(line.dataset["deviation"], "one fewer arrived than announced").toBe("under");
    expect(within(line).getByTestId("return-line-difference").textContent).toBe("−1");
    expect(within(line).getByTestId("return-line-condition").textContent).toBe("Skadad");
    expect(row("RET-2").dataset["waiting"], "goods arrived and wait for the merchant").toBe("true");
  });

  it("says which returns wait to be sent and which call gave up, with the last answer", async () => {
    const waiting = sampleReturn("1040-R1", { delivery: { state: "waiting", message: null } }, [
      { sku: "SOCK-1", announced: 1, received: 0 },
    ]);
    const failed = sampleReturn("1041-R1", {
      orderNumber: "1041",
      delivery: { state: "failed", message: "order 1041 is locked" },
    });
    const sent = sampleReturn("1042-R1", { orderNumber: "1042" });
    mock(base([waiting, failed, sent]));
    renderWithProviders(<ReturnsScreen />, "sv");

    await screen.findByTestId("return-list");
    expect(within(row("1040-R1")).getByTestId("return-delivery").textContent).toBe("Väntar på att skickas");
    expect(within(row("1041-R1")).getByTestId("return-delivery").textContent).toBe("Skickades inte");
    expect(
      within(row("1042-R1")).queryByTestId("return-delivery"),
      "a return both systems have needs no word about sending",
    ).toBeNull();

    fireEvent.click(within(row("1041-R1")).getByTestId("return-open"));
    const notice = await screen.findByTestId("return-delivery-detail");
    expect(notice.getAttribute("role"), "a call that gave up is an alert").toBe("alert");
    expect(notice.textContent, "the detail names where to retry and what the other side said").toContain(
      "Senaste svar: order 1041 is locked",
    );
    expect(notice.textContent).toContain("synkloggen");
  });

  it("caps quantities at what can be returned and registers the picked lines with cause and note", async () => {
    const sent: RegisterReturnRequest[] = [];
    const created = sampleReturn("RET-9", { orderNumber: "1042" }, [{ sku: "SOCK-1", announced: 1, received: 0 }]);
    const returns: ReturnDetail[] = [];
    mock(
      base(returns, {
        register_return: (req) => {
          sent.push(req);
          returns.unshift(created);
          return saved(created);
        },
      }),
    );
    renderWithProviders(<ReturnsScreen />, "sv");

    const form = await search("anna@example.se");
    const lines = within(form).getAllByTestId("return-order-line");
    expect(lines.map((l) => l.dataset["returnable"])).toEqual(["2", "0"]);
    const [sock, hat] = lines.map((l) => within(l).getByTestId<HTMLInputElement>("return-qty"));
    expect(hat?.disabled, "nothing of the hat is left to return").toBe(true);

    fireEvent.change(sock!, { target: { value: "3" } });
    expect(within(form).getByTestId("return-qty-over").textContent).toBe("Högst 2 av SOCK-1 kan returneras.");
    expect(within(form).getByTestId<HTMLButtonElement>("return-register").disabled).toBe(true);

    fireEvent.change(sock!, { target: { value: "1" } });
    fireEvent.click(within(form).getByTestId("return-register"));
    expect(within(form).getByTestId("return-form-problem").textContent, "a cause is required").toBe("Välj en orsak.");

    await waitFor(() => expect(within(form).getByTestId<HTMLSelectElement>("return-cause").disabled).toBe(false));
    fireEvent.change(within(form).getByTestId("return-cause"), { target: { value: "DAMAGED" } });
    fireEvent.click(within(form).getByTestId("return-register"));
    expect(within(form).getByTestId("return-form-problem").textContent, "this cause needs a note").toBe(
      "Lagret vill ha en anteckning med orsaken Trasig.",
    );
    fireEvent.change(within(form).getByTestId("return-cause"), { target: { value: "SIZE" } });
    fireEvent.change(within(form).getByTestId("return-note"), { target: { value: "För liten" } });
    fireEvent.click(within(form).getByTestId("return-register"));

    const registered = await screen.findByTestId("return-registered");
    expect(registered.textContent).toBe("Retur RET-9 är registrerad och aviserad till lagret.En kommentar har lagts på order 1042.");
    expect(sent).toEqual([
      { orderNumber: "1042", kind: "regret", cause: "SIZE", note: "För liten", lines: [{ sku: "SOCK-1", quantity: 1 }] },
    ]);
  });

  it("says in the merchant's language that the shop order's comment waits for the shop", async () => {
    const created = sampleReturn("1042-R1", { orderNumber: "1042", delivery: { state: "waiting", message: null } }, [
      { sku: "SOCK-1", announced: 1, received: 0 },
    ]);
    const returns: ReturnDetail[] = [];
    mock(
      base(returns, {
        register_return: () => {
          returns.unshift(created);
          return {
            detail: created,
            shopCommentWritten: false,
            comment: "waiting",
            problem: "it is queued and is sent as soon as the other side answers",
          };
        },
      }),
    );
    renderWithProviders(<ReturnsScreen />, "sv");
    const form = await search("1042");
    fireEvent.change(within(form).getAllByTestId<HTMLInputElement>("return-qty")[0]!, { target: { value: "1" } });
    await waitFor(() => expect(within(form).getByTestId<HTMLSelectElement>("return-cause").disabled).toBe(false));
    fireEvent.change(within(form).getByTestId("return-cause"), { target: { value: "SIZE" } });
    fireEvent.click(within(form).getByTestId("return-register"));

    const waiting = await screen.findByTestId("return-comment-waiting");
    expect(waiting.textContent, "Swedish words, not the backend's English").toBe(
      "Kommentaren på order 1042 väntar på att butiken svarar; Brygga försöker igen av sig själv.",
    );
    expect(screen.queryByTestId("return-comment-problem")).toBeNull();
  });

  it("shows the backend's words when the warehouse's returns API is off", async () => {
    mock(
      base([], {
        list_return_causes: () => {
          throw { code: "remoteRefused", message: "ask the 3PL to enable return orders for the goods owner" };
        },
      }),
    );
    renderWithProviders(<ReturnsScreen />, "sv");
    await search("1042");
    const error = await screen.findByTestId("return-causes-error");
    expect(error.textContent).toContain("ask the 3PL to enable return orders");
  });

  it("records a refund as minor units with its currency and needs a note to close", async () => {
    const sent: SetReturnStateRequest[] = [];
    let current = sampleReturn("RET-3", { state: "received" }, [{ sku: "MITT-1", announced: 1, received: 1, conditions: ["Hel"] }]);
    mock(
      base([], {
        list_returns: () => ({ returns: [current.summary], waitingForMerchant: 1 }),
        return_detail: () => current,
        set_return_state: (req) => {
          sent.push(req);
          current = {
            ...current,
            summary: { ...current.summary, state: req.state, refund: req.refund },
            handlingNote: req.note,
          };
          return saved(current);
        },
      }),
    );
    renderWithProviders(
      <NavigationProvider value={{ current: { screen: "returns", focus: "RET-3" }, navigate: () => undefined }}>
        <ReturnsScreen />
      </NavigationProvider>,
      "sv",
    );
    const detail = await screen.findByTestId("return-detail");
    expect(detail.dataset["return"], "the dashboard's focus opens the return").toBe("RET-3");

    fireEvent.click(within(detail).getByTestId("return-close"));
    expect(within(detail).getByTestId("return-handling-problem").textContent).toBe(
      "Skriv en anteckning om varför returen avslutas.",
    );
    fireEvent.change(within(detail).getByTestId("return-refund-amount"), { target: { value: "12,345" } });
    fireEvent.click(within(detail).getByTestId("return-mark-refunded"));
    expect(within(detail).getByTestId("return-handling-problem").textContent).toContain("högst 2 decimaler");
    expect(sent, "nothing is sent while the amount is wrong").toEqual([]);

    fireEvent.change(within(detail).getByTestId("return-refund-amount"), { target: { value: "1 299,50" } });
    fireEvent.click(within(detail).getByTestId("return-mark-refunded"));
    await waitFor(() => expect(screen.getByTestId("return-detail").dataset["state"]).toBe("refunded"));
    expect(sent).toEqual([{ number: "RET-3", state: "refunded", refund: { minorUnits: 129950, currency: "SEK" }, note: null }]);
    expect(plain(screen.getByTestId("return-refund").textContent)).toBe("1 299,50 kr");
  });
});
