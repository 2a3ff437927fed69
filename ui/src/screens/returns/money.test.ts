import { describe, expect, it } from "vitest";
import { formatMoney } from "../../i18n";
import { isCurrency, minorDigits, minorUnitsToInput, parseMinorUnits } from "./money";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("refund amounts", () => {
  it("reads Swedish amounts with comma decimals and spaced thousands into öre", () => {
    expect(parseMinorUnits("sv", "199,50", "SEK")).toBe(19950);
    expect(parseMinorUnits("sv", "1 299", "SEK")).toBe(129900);
    expect(parseMinorUnits("sv", "1\u00a0299,5", "SEK")).toBe(129950);
    expect(parseMinorUnits("sv", "0,05", "SEK"), "five öre is not fifty").toBe(5);
  });

  it("reads English amounts with point decimals and comma thousands", () => {
    expect(parseMinorUnits("en", "1,299.50", "EUR")).toBe(129950);
    expect(parseMinorUnits("en", "12", "GBP")).toBe(1200);
  });

  it("refuses what is not an amount rather than guessing", () => {
    expect(parseMinorUnits("sv", "", "SEK")).toBeNull();
    expect(parseMinorUnits("sv", "-10", "SEK"), "a refund is never negative").toBeNull();
    expect(parseMinorUnits("sv", "10,555", "SEK"), "SEK has two decimals").toBeNull();
    expect(parseMinorUnits("sv", "tio", "SEK")).toBeNull();
    expect(parseMinorUnits("en", "5.5", "JPY"), "yen has no minor unit").toBeNull();
    expect(parseMinorUnits("en", "550", "JPY")).toBe(550);
  });

  it("knows the decimals and the codes of currencies", () => {
    expect(minorDigits("SEK")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(isCurrency("SEK")).toBe(true);
    expect(isCurrency("sek")).toBe(false);
    expect(isCurrency("KRONOR")).toBe(false);
  });

  it("formats minor units in sv-SE and en-GB and back into an input", () => {
    expect(plain(formatMoney("sv", 19950, "SEK"))).toBe("199,50 kr");
    expect(formatMoney("en", 19950, "EUR")).toBe("€199.50");
    expect(minorUnitsToInput("sv", 19950, "SEK")).toBe("199,50");
    expect(minorUnitsToInput("en", 129950, "EUR")).toBe("1299.50");
  });
});
