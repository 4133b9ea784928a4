import { describe, expect, it } from "vitest";
import { isIanaTimeZone } from "./time-zone";

describe("isIanaTimeZone", () => {
  it.each([
    "America/Chicago",
    "Europe/Berlin",
    "Asia/Kolkata",
    "America/Argentina/Buenos_Aires",
    "America/Port-au-Prince",
    "UTC",
    "Etc/UTC",
    "Etc/GMT+5",
  ])("accepts %s", (tz) => expect(isIanaTimeZone(tz)).toBe(true));

  it.each([
    ["an offset", "+02:00"],
    ["a negative offset", "-05:00"],
    ["an abbreviation", "CST"],
    ["another abbreviation", "CEST"],
    ["GMT alone", "GMT"],
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["a misspelt zone", "America/Chicagoo"],
    ["junk", "not a zone"],
    ["a path traversal", "../../etc/passwd"],
    ["SQL", "'; drop table sites; --"],
    ["markup", "<script>alert(1)</script>"],
    ["the empty string", ""],
    ["spaces", "   "],
    ["a trailing slash", "Europe/"],
    ["too many levels", "A/B/C/D"],
    ["a control character", "Europe/Berlin\u0000"],
    ["another case", "america/chicago"],
    ["an upper-case UTC", "utc"],
    ["a very long name", `Europe/${"a".repeat(5000)}`],
  ])("refuses %s", (_label, tz) => expect(isIanaTimeZone(tz)).toBe(false));

  it.each([
    ["undefined", undefined],
    ["a number", 42],
    ["null", null],
  ])("refuses %s (not a string)", (_label, tz) => expect(isIanaTimeZone(tz)).toBe(false));

  it("refuses every zone name longer than 64 characters, even well-formed ones", () => {
    expect(isIanaTimeZone(`America/${"B".repeat(57)}`)).toBe(false);
  });

  it("accepts every zone this runtime lists", () => {
    const zones = Intl.supportedValuesOf("timeZone");
    expect(zones.length).toBeGreaterThan(300);
    const refused = zones.filter((z) => !isIanaTimeZone(z));
    expect(refused).toEqual([]);
  });
});
