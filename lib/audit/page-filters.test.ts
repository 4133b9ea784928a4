import { describe, expect, it } from "vitest";
import { exportHref, filterZone, pageHref, queryInput, readPageFilters } from "./page-filters";

const SITES = [
  { code: "GCR", timeZone: "America/Chicago" },
  { code: "RHP", timeZone: "Europe/Berlin" },
];

describe("audit page filters", () => {
  it("reads the URL, ignoring repeats and blanks", () => {
    const { filters, cursor } = readPageFilters({
      site: ["GCR", "RHP"],
      action: " auth.login ",
      cursor: "abc",
    });
    expect(filters).toEqual({
      site: "GCR",
      ref: "",
      q: "",
      tz: "",
      objectType: "",
      objectId: "",
      actor: "",
      action: "auth.login",
      from: "",
      to: "",
    });
    expect(cursor).toBe("abc");
  });

  it("means the chosen site's days, else the shared zone, else UTC", () => {
    const none = readPageFilters({}).filters;
    expect(filterZone({ ...none, site: "rhp" }, SITES).zone).toBe("Europe/Berlin");
    expect(filterZone(none, SITES)).toEqual({ zone: "UTC", label: "UTC" });
    expect(filterZone(none, [SITES[0]!]).label).toMatch(/^America\/Chicago \(C[SD]T\)$/);
  });

  it("lets the reader choose UTC or a site's clock when no site is chosen, never both", () => {
    const none = readPageFilters({}).filters;
    expect(filterZone({ ...none, tz: "rhp" }, SITES).zone).toBe("Europe/Berlin");
    expect(filterZone({ ...none, tz: "UTC" }, [SITES[0]!]).zone).toBe("UTC");
    expect(filterZone({ ...none, tz: "NOPE" }, SITES).zone).toBe("UTC");
    // A chosen site's clock wins over the choice.
    expect(filterZone({ ...none, site: "GCR", tz: "RHP" }, SITES).zone).toBe("America/Chicago");
  });

  it("turns local days into instants with the end day included", () => {
    const filters = {
      ...readPageFilters({}).filters,
      site: "GCR",
      from: "2026-03-08",
      to: "2026-03-08",
      action: "auth.",
    };
    expect(queryInput(filters, "America/Chicago")).toEqual({
      input: { site: "GCR", action: "auth.", from: "2026-03-08T06:00:00Z", to: "2026-03-09T05:00:00Z" },
      errors: [],
    });
    expect(queryInput({ ...filters, from: "2026-13-01" }, "UTC").errors).toEqual([
      "From is not a valid date.",
    ]);
  });

  it("builds page and export links that carry only the filters in use", () => {
    const filters = { ...readPageFilters({}).filters, actor: "a+b@x.test", action: "change." };
    expect(pageHref(filters)).toBe("/audit?actor=a%2Bb%40x.test&action=change.");
    expect(pageHref(filters, "c1")).toBe("/audit?actor=a%2Bb%40x.test&action=change.&cursor=c1");
    expect(pageHref(readPageFilters({}).filters)).toBe("/audit");
    expect(exportHref("csv", { site: "GCR", from: "2026-03-08T06:00:00Z" })).toBe(
      "/api/v1/audit/export?format=csv&site=GCR&from=2026-03-08T06%3A00%3A00Z",
    );
  });
});
