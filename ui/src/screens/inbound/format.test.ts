import { describe, expect, it } from "vitest";
import { formatPercentDifference, formatUnitDifference, formatUnits, percentOf } from "./format";

/** Intl puts narrow no-break spaces in Swedish numbers; compare with plain spaces. */
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, " ") ?? null;

describe("inbound number formatting", () => {
  it("groups units the language's way", () => {
    expect(plain(formatUnits("sv", 12000))).toBe("12 000");
    expect(formatUnits("en", 12000)).toBe("12,000");
  });

  it("always shows the sign of a difference, with a real minus in Swedish", () => {
    expect(formatUnitDifference("sv", 3), "a surplus is marked as such").toBe("+3");
    expect(formatUnitDifference("sv", -2)).toBe("−2");
    expect(formatUnitDifference("en", -2)).toBe("-2");
    expect(formatUnitDifference("sv", 0), "no difference has no sign").toBe("0");
  });

  it("shows a percent difference to one decimal with its sign", () => {
    expect(plain(formatPercentDifference("sv", 12.5))).toBe("+12,5 %");
    expect(formatPercentDifference("en", 12.5)).toBe("+12.5%");
    expect(plain(formatPercentDifference("sv", -100))).toBe("−100 %");
    expect(formatPercentDifference("en", 0)).toBe("0%");
  });

  it("has no percent without an advised quantity", () => {
    expect(formatPercentDifference("sv", null), "an unadvised article has no base").toBeNull();
    expect(percentOf(0, 4)).toBeNull();
  });

  it("computes the percent of the advised quantity to one decimal", () => {
    expect(percentOf(8, 9)).toBe(12.5);
    expect(percentOf(3, 2)).toBe(-33.3);
    expect(percentOf(10, 0)).toBe(-100);
  });
});
