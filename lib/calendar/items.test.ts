import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { itemsOnDay, matchesFilters, placeOnDay, placeOnTrack, sortItems, type CalendarItem } from "./items";
import { viewRange } from "./range";

const t = (iso: string) => new Date(iso);
const win = (
  key: string,
  kind: "maintenance" | "blackout",
  start: string,
  end: string,
  areas: string[] = [],
): CalendarItem => ({
  type: "window",
  key,
  windowId: key,
  kind,
  title: key,
  start: t(start),
  end: t(end),
  areas,
  recurrenceId: "",
});
const change = (
  key: string,
  state: "draft" | "approved",
  start: string,
  end: string,
  areaIds: string[],
): CalendarItem => ({
  type: "change",
  key,
  changeId: key,
  number: key,
  state,
  title: key,
  start: t(start),
  end: t(end),
  areas: areaIds,
  conflicts: [],
});

describe("filters", () => {
  const siteWide = win("w", "maintenance", "2027-03-14T07:00:00Z", "2027-03-14T11:00:00Z");
  const inCdu = change("c", "draft", "2027-03-14T08:00:00Z", "2027-03-14T09:00:00Z", ["cdu"]);
  it("site-wide items pass any area filter; changes filter by state", () => {
    expect(matchesFilters(siteWide, { areas: ["fcc"], states: ["approved"] })).toBe(true);
    expect(matchesFilters(inCdu, { areas: ["fcc"], states: [] })).toBe(false);
    expect(matchesFilters(inCdu, { areas: ["cdu", "fcc"], states: [] })).toBe(true);
    expect(matchesFilters(inCdu, { areas: [], states: ["approved"] })).toBe(false);
    expect(matchesFilters(inCdu, { areas: [], states: ["draft"] })).toBe(true);
  });
  it("sorts blackouts first, then windows, then changes", () => {
    const b = win("b", "blackout", "2027-03-14T10:00:00Z", "2027-03-14T12:00:00Z");
    expect(sortItems([inCdu, siteWide, b]).map((i) => i.key)).toEqual(["b", "w", "c"]);
  });
});

describe("placement", () => {
  it("stacks overlapping items into lanes and clips to the track", () => {
    const from = t("2027-03-14T00:00:00Z");
    const to = t("2027-03-15T00:00:00Z");
    const placed = placeOnTrack(
      [
        { key: "a", start: t("2027-03-13T22:00:00Z"), end: t("2027-03-14T06:00:00Z") },
        { key: "b", start: t("2027-03-14T03:00:00Z"), end: t("2027-03-14T12:00:00Z") },
        { key: "c", start: t("2027-03-14T06:00:00Z"), end: t("2027-03-14T09:00:00Z") },
        { key: "d", start: t("2027-03-15T00:00:00Z"), end: t("2027-03-15T01:00:00Z") },
      ],
      from,
      to,
    );
    expect(placed.map((p) => [p.item.key, p.lane, p.offset, p.size])).toEqual([
      ["a", 0, 0, 0.25],
      ["b", 1, 0.125, 0.375],
      ["c", 0, 0.25, 0.125],
    ]);
    expect(placed.every((p) => p.lanes === 2)).toBe(true);
  });

  it("week view places by wall clock: 01:00 CST – 05:00 CDT on the spring-forward day spans 01:00–05:00", () => {
    const day = viewRange("week", "2027-03-14", t("2027-03-14T12:00:00Z"), "America/Chicago").days[6]!;
    const offset = (d: Date) => DateTime.fromJSDate(d, { zone: "America/Chicago" }).offset;
    // 01:00 CST = 07:00Z; 05:00 CDT = 10:00Z (three hours elapsed).
    const w = win("w", "maintenance", "2027-03-14T07:00:00Z", "2027-03-14T10:00:00Z");
    const [p] = placeOnDay([w], day, offset);
    expect(p!.offset).toBeCloseTo(1 / 24, 10);
    expect(p!.size).toBeCloseTo(4 / 24, 10);
    expect(itemsOnDay([w], day)).toHaveLength(1);
    expect(
      itemsOnDay([w], viewRange("week", "2027-03-14", t("2027-03-14T12:00:00Z"), "America/Chicago").days[5]!),
    ).toHaveLength(0);
  });

  it("minimum size keeps a zero-length sliver visible without overlapping the next lane item", () => {
    const from = t("2027-01-01T00:00:00Z");
    const to = t("2027-01-02T00:00:00Z");
    const placed = placeOnTrack(
      [
        { key: "a", start: t("2027-01-01T01:00:00Z"), end: t("2027-01-01T01:00:01Z") },
        { key: "b", start: t("2027-01-01T01:30:00Z"), end: t("2027-01-01T03:00:00Z") },
      ],
      from,
      to,
      1 / 12,
    );
    expect(placed.map((p) => p.lane)).toEqual([0, 1]);
  });
});
