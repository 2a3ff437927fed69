import type { SyncSettingsView } from "../../bindings/SyncSettingsView";

export function sampleSettings(): SyncSettingsView {
  return {
    settings: {
      schedules: [
        { flow: "articles", mode: "every", minutes: 30, days: ["mon", "tue", "wed", "thu", "fri"], from: "07:00", to: "20:00", at: null },
        { flow: "orders", mode: "every", minutes: 5, days: [], from: null, to: null, at: null },
        { flow: "statuses", mode: "every", minutes: 10, days: [], from: null, to: null, at: null },
        { flow: "stock", mode: "every", minutes: 10, days: [], from: null, to: null, at: null },
        { flow: "reconcile", mode: "daily", minutes: null, days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], from: null, to: null, at: "02:30" },
      ],
      startDate: null,
      currencies: [],
      warehouses: [],
    },
    schedulesSaved: false,
    baseline: null,
  };
}
