import { describe, expect, it } from "vitest";
import { normalizePhoneNumber, phoneLineKind } from "./phone-number.ts";

describe("normalizePhoneNumber", () => {
  it.each([
    ["+33 6 12 34 56 78", "FR", "+33612345678"],
    ["06 12 34 56 78", "FR", "+33612345678"],
    ["06.12.34.56.78", "FR", "+33612345678"],
    ["+33 (0)6 12 34 56 78", "FR", "+33612345678"],
    ["0033612345678", "FR", "+33612345678"],
    ["079 123 45 67", "CH", "+41791234567"],
    ["+41 79 123 45 67", "FR", "+41791234567"],
    ["0041 (0)79-123-45-67", "FR", "+41791234567"],
    ["01 23 45 67 89", "FR", "+33123456789"],
    ["+49 151 23456789", "FR", "+4915123456789"],
  ] as const)("reads %j (default %s) as %s", (input, country, expected) => {
    expect(normalizePhoneNumber(input, country)).toBe(expected);
  });

  it.each(["", "06 12 34 56", "+33 06 12 34 56 78", "+41 01 234 56 78", "6 12 34 56 78", "+0 123 456 789", "+1234567", "06 12 34 56 78 ext 2", "+1 234 567 890 123 456"])(
    "rejects %j with an error naming the field",
    (input) => {
      expect(() => normalizePhoneNumber(input, "FR", "debtor.phone")).toThrow(/^debtor\.phone: /);
    },
  );
});

describe("phoneLineKind", () => {
  it("tells French and Swiss mobiles from fixed lines", () => {
    expect(phoneLineKind("+33612345678")).toBe("mobile");
    expect(phoneLineKind("+33712345678")).toBe("mobile");
    expect(phoneLineKind("+33123456789")).toBe("fixed");
    expect(phoneLineKind("+41791234567")).toBe("mobile");
    expect(phoneLineKind("+41441234567")).toBe("fixed");
    expect(phoneLineKind("+4915123456789")).toBe("unknown");
  });
});
