import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber } from "./format";

/** Intl uses no-break and narrow no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatters", () => {
  it("group thousands the Swedish way", () => {
    expect(plain(formatNumber("sv", 1234.5)), "Swedish readers expect a space group and a decimal comma").toBe(
      "1 234,5",
    );
    expect(formatNumber("en", 1234.5), "English readers expect a comma group and a decimal point").toBe("1,234.5");
  });

  it("format money from integer minor units", () => {
    expect(plain(formatMoney("sv", 12_950, "SEK")), "12 950 öre is 129,50 kr").toBe("129,50 kr");
    expect(formatMoney("en", 12_950, "EUR"), "12 950 cents is €129.50").toBe("€129.50");
    expect(plain(formatMoney("sv", 500, "JPY")), "yen has no minor unit, so 500 is 500 yen").toBe("500 JPY");
  });

  it("show dates in Stockholm time", () => {
    // 23:30 UTC on 31 Dec is already 1 January in Stockholm (UTC+1 in winter).
    const instant = "2026-12-31T23:30:00Z";
    expect(plain(formatDate("sv", instant)), "the calendar day is Stockholm's").toBe("1 jan. 2027");
    expect(plain(formatDate("en", instant)), "English uses day-month-year").toBe("1 Jan 2027");
    expect(plain(formatDateTime("sv", instant)), "times are 24-hour, Stockholm").toBe("1 jan. 2027 00:30");
    expect(plain(formatDateTime("en", new Date(instant))), "Date objects format the same as ISO text").toBe(
      "1 Jan 2027, 00:30",
    );
  });
});
