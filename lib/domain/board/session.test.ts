import { describe, expect, it } from "vitest";
import { OPENS_EARLY_MINUTES, inSession, sessionOpensAt } from "./session";

describe("board meeting session", () => {
  const start = new Date("2027-03-04T21:00:00Z");
  it.each([
    ["2027-03-04T20:29:59Z", false],
    ["2027-03-04T20:30:00Z", true],
    ["2027-03-04T21:00:00Z", true],
    ["2027-03-05T09:00:00Z", true],
  ])("at %s in session: %s", (now, expected) => {
    expect(inSession(start, new Date(now))).toBe(expected);
  });
  it(`opens ${OPENS_EARLY_MINUTES} minutes early`, () => {
    expect(sessionOpensAt(start).toISOString()).toBe("2027-03-04T20:30:00.000Z");
  });
});
