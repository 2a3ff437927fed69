import { describe, expect, it } from "vitest";
import { en } from "./en";
import { sv } from "./sv";
import { lookup } from "./catalog";
import { formatMoney, formatNumber } from "./format";

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

  it("look up dotted keys and fill placeholders", () => {
    expect(lookup(en, "screens.releaseBatches"), "nested keys resolve through each level").toBe("Release batches");
    expect(lookup(sv, "screens.releaseBatches"), "Swedish is the merchant's default").toBe("Ordersläpp");
  });
});

describe("formatters", () => {
  it("group thousands the Swedish way", () => {
    // sv-SE groups with a no-break space and uses a decimal comma.
    expect(formatNumber("sv", 1234.5).replace(/\s/g, " "), "Swedish readers expect 1 234,5").toBe("1 234,5");
    expect(formatNumber("en", 1234.5), "English readers expect 1,234.5").toBe("1,234.5");
  });

  it("format money from integer minor units", () => {
    expect(formatMoney("sv", 12_950, "SEK").replace(/\s/g, " "), "12950 öre is 129,50 kr").toBe("129,50 kr");
    expect(formatMoney("en", 12_950, "EUR"), "12950 cents is €129.50").toBe("€129.50");
  });
});
