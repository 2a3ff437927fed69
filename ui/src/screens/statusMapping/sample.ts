import type { StatusMappingView } from "../../bindings/StatusMappingView";

/**
 * A shop with the four standard statuses and one of its own ("Väntar på betalning", unmapped),
 * and a warehouse whose 3PL added 425 "Sendt/Dellevert" after the mapping was saved.
 */
export function sampleStatusView(overrides: Partial<StatusMappingView> = {}): StatusMappingView {
  return {
    shop: [
      { statusId: 1, idCode: "created", name: "Ny", nameEn: "New", sendsEmail: false, rule: "send", suggested: "send" },
      { statusId: 2, idCode: "picking", name: "Plockas", nameEn: "Picking", sendsEmail: false, rule: null, suggested: null },
      { statusId: 3, idCode: "completed", name: "Skickad", nameEn: "Sent", sendsEmail: true, rule: null, suggested: null },
      { statusId: 4, idCode: "canceled", name: "Makulerad", nameEn: "Cancelled", sendsEmail: true, rule: "cancel", suggested: "cancel" },
      { statusId: 7, idCode: null, name: "Väntar på betalning", nameEn: null, sendsEmail: false, rule: null, suggested: null },
    ],
    warehouse: [
      {
        number: 200,
        text: "Open",
        rule: { stage: "open", shopStatus: null },
        suggested: { stage: "open", shopStatus: null },
        shopStatusMissing: false,
      },
      {
        number: 300,
        text: "Släppt till plock",
        rule: { stage: "started", shopStatus: 2 },
        suggested: { stage: "started", shopStatus: 2 },
        shopStatusMissing: false,
      },
      {
        number: 425,
        text: "Sendt/Dellevert",
        rule: null,
        suggested: { stage: "sent", shopStatus: 3 },
        shopStatusMissing: false,
      },
      {
        number: 450,
        text: "Sent",
        rule: { stage: "sent", shopStatus: 3 },
        suggested: { stage: "sent", shopStatus: 3 },
        shopStatusMissing: false,
      },
    ],
    staleShop: [],
    staleWarehouse: [],
    saved: true,
    releaseProblem: null,
    ...overrides,
  };
}
