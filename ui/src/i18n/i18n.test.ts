import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { MessageKey } from "./catalog";
import { en } from "./en";
import { sv } from "./sv";
import { interpolate, lookup, translator } from "./translate";

function leaves(node: unknown, prefix = ""): Array<[string, unknown]> {
  if (typeof node !== "object" || node === null) return [[prefix, node]];
  return Object.entries(node).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe("catalogs", () => {
  it("have the same keys in Swedish and English, none empty", () => {
    const svKeys = leaves(sv).map(([key]) => key).sort();
    const enKeys = leaves(en).map(([key]) => key).sort();
    expect(enKeys, "every Swedish text has an English one and no English text is orphaned").toEqual(svKeys);
    for (const [key, text] of [...leaves(sv), ...leaves(en)]) {
      expect(typeof text === "string" && text.trim().length > 0, `${key} must be a non-empty text`).toBe(true);
    }
  });

  it("have a title for every error code in both languages", () => {
    const codes: ErrorCode[] = [
      "validation",
      "notConfigured",
      "keychainUnavailable",
      "dataDirUnreadable",
      "databaseNewerThanApp",
      "databaseCorrupt",
      "databaseLocked",
      "unknown",
    ];
    for (const code of codes) {
      const key: MessageKey = `errors.${code}`;
      expect(lookup(sv, key), `${key} needs a Swedish title, the banner shows nothing else`).not.toBe(key);
      expect(lookup(en, key), `${key} needs an English title, the banner shows nothing else`).not.toBe(key);
    }
  });

  it("look up dotted keys", () => {
    expect(lookup(en, "screens.releaseBatches"), "nested keys resolve through each level").toBe("Release batches");
    expect(lookup(sv, "screens.releaseBatches"), "Swedish is the merchant's default").toBe("Ordersläpp");
  });

  it("fill {placeholders} and leave unknown ones visible", () => {
    expect(interpolate("{screen} is coming, {who} knows when", { screen: "Returns" }), "a missing value stays readable rather than vanishing").toBe(
      "Returns is coming, {who} knows when",
    );
    expect(interpolate("{n} orders", { n: 3 }), "numbers are filled in as text").toBe("3 orders");
    expect(translator("en")("common.retry", { unused: 1 }), "extra values do no harm").toBe("Try again");
    expect(translator("sv")("common.retry"), "each language reads its own catalog").toBe("Försök igen");
  });

  it("pick the plural form by the language's rule", () => {
    const template = "Håller {count, plural, one {# order} other {# ordrar}}: {orders}";
    const sv = translator("sv");
    expect(interpolate(template, { count: 1, orders: "1031" }), "one order is singular").toBe("Håller 1 order: 1031");
    expect(interpolate(template, { count: 2, orders: "1031, 1032" }), "two are plural").toBe("Håller 2 ordrar: 1031, 1032");
    expect(interpolate(template, { count: 0, orders: "" }), "none is plural in Swedish and English").toBe("Håller 0 ordrar: ");
    expect(sv("mappings.transport.heldOrders", { count: 1, orders: "1031" }), "the catalogs use it").toBe(
      "Håller 1 order: 1031",
    );
    expect(translator("en")("mappings.transport.heldOrders", { count: 1, orders: "1031" })).toBe("Holds 1 order: 1031");
  });
});
