import { describe, expect, it } from "vitest";
import type { SignoffRole } from "../constants";
import { baselineDelay, leadTime, percentile, retrospectiveStatus, startMismatches } from "./figures";
import { startsFromTrail, type TrailEvent } from "./started";
import { SIGNOFF_ROLE_LABELS } from "@/lib/domain/labels";

const H = 3_600_000;
const T0 = Date.UTC(2027, 2, 1, 8);
const SITE = "11111111-1111-4111-8111-111111111111";
const codes = new Map([[SITE, "PLA"]]);
const label = (r: SignoffRole) => SIGNOFF_ROLE_LABELS[r];

let id = 0;
const ev = (action: string, after: Record<string, unknown>, objectId = "c1"): TrailEvent => ({
  id: ++id,
  at: new Date(T0 + id * H),
  action,
  objectId,
  siteId: SITE,
  after: { number: "CHG-2027-00001", ...after },
});
const required = [
  { role: "operations", siteCode: "PLA" },
  { role: "security", siteCode: null },
  { role: "change_board", siteCode: null },
];
const signed = (signoffId: string, role: string, extra: Record<string, unknown> = {}) =>
  ev("signoff.sign", {
    signoffId,
    round: 1,
    role,
    siteId: role === "operations" ? SITE : null,
    decision: "approve",
    contentHash: "h1",
    ...extra,
  });

describe("startsFromTrail", () => {
  it("counts sign-offs given again after an edit superseded them", () => {
    const events = [
      ev("change.create", { class: "normal" }),
      ev("change.submit", { round: 1, required }),
      signed("s1", "operations"),
      signed("s2", "security"),
      signed("s3", "change_board"),
      ev("signoff.supersede", { signoffId: "s1" }),
      ev("signoff.supersede", { signoffId: "s3" }),
      signed("s4", "operations", { contentHash: "h2" }),
      ev("change.start", { round: 1, required, contentHash: "h2" }),
    ];
    const [start] = startsFromTrail(events, codes, label);
    expect(start).toMatchObject({ withAllSignoffs: false, problems: ["Change board sign-off missing"] });
    const fixed = [
      ...events.slice(0, -1),
      signed("s5", "change_board", { contentHash: "h2" }),
      ev("change.start", { round: 1, required, contentHash: "h2" }),
    ];
    expect(startsFromTrail(fixed, codes, label)[0]).toMatchObject({ withAllSignoffs: true, problems: [] });
  });

  it("lets an emergency change start without its retrospective roles, never without operations", () => {
    const events = [
      ev("change.create", { class: "emergency" }),
      ev("change.submit", { round: 1, required }),
      signed("s2", "security"),
      ev("change.start", { round: 1, required }),
    ];
    expect(startsFromTrail(events, codes, label)[0]!.problems).toEqual(["Operations (PLA) sign-off missing"]);
  });

  it("refuses slot-bound sign-offs given for other content, rejections and old rounds", () => {
    const events = [
      ev("change.create", { class: "normal" }),
      ev("change.submit", { round: 1, required: required.slice(0, 2) }),
      signed("s1", "operations", { contentHash: "old" }),
      signed("s2", "security", { decision: "reject" }),
      ev("change.revise", { round: 2 }),
      ev("change.start", { round: 2, required: required.slice(0, 2), contentHash: "h1" }),
    ];
    expect(startsFromTrail(events, codes, label)[0]!.problems).toEqual([
      "Operations (PLA) sign-off missing",
      "Security sign-off missing",
    ]);
    const sameRound = events.filter((e) => e.action !== "change.revise");
    sameRound[sameRound.length - 1] = ev("change.start", {
      round: 1,
      required: required.slice(0, 2),
      contentHash: "h1",
    });
    expect(startsFromTrail(sameRound, codes, label)[0]!.problems).toEqual([
      "Operations (PLA) sign-off was given for other content",
      "Security sign-off rejected",
    ]);
  });
  it("holds scope roles to the scope hash and slot roles to the full hash (version 2)", () => {
    const v2 = { hashVersion: 2 };
    const events = [
      ev("change.create", { class: "normal" }),
      ev("change.submit", { round: 1, required: required.slice(0, 2) }),
      signed("s1", "operations", { ...v2, contentHash: "full-1", scopeHash: "scope-1" }),
      signed("s2", "security", { ...v2, contentHash: "full-1", scopeHash: "scope-1" }),
    ];
    const start = (contentHash: string, scopeHash: string) =>
      ev("change.start", { round: 1, required: required.slice(0, 2), contentHash, scopeHash, ...v2 });
    // The slot moved (full hash changed, scope unchanged): operations no longer covers it, security does.
    expect(startsFromTrail([...events, start("full-2", "scope-1")], codes, label)[0]!.problems).toEqual([
      "Operations (PLA) sign-off was given for other content",
    ]);
    expect(startsFromTrail([...events, start("full-1", "scope-2")], codes, label)[0]!.problems).toEqual([
      "Security sign-off was given for other content",
    ]);
  });
});

describe("figures", () => {
  it("takes nearest-rank percentiles", () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(
      leadTime([
        { from: new Date(0), to: new Date(2 * H) },
        { from: null, to: new Date() },
      ]),
    ).toEqual({
      count: 1,
      medianHours: 2,
      p90Hours: 2,
    });
  });

  it("runs the 72-hour retrospective clock", () => {
    const approved = new Date(T0);
    expect(retrospectiveStatus(approved, new Date(T0 + 72 * H), new Date(T0 + 100 * H)).status).toBe(
      "on_time",
    );
    expect(retrospectiveStatus(approved, new Date(T0 + 73 * H), new Date(T0 + 100 * H)).status).toBe("late");
    expect(retrospectiveStatus(approved, null, new Date(T0 + 73 * H)).status).toBe("overdue");
    expect(retrospectiveStatus(approved, null, new Date(T0 + 71 * H)).status).toBe("pending");
  });

  it("flags baselines updated more than 30 days after implementation", () => {
    expect(baselineDelay(new Date(T0), new Date(T0 + 30 * 24 * H))).toEqual({ days: 30, late: false });
    expect(baselineDelay(new Date(T0), new Date(T0 + 31 * 24 * H))).toEqual({ days: 31, late: true });
  });

  it("lists every disagreement between the trail and the change table", () => {
    const at = new Date(T0);
    const trail = [
      {
        changeId: "a",
        number: "A",
        startedAt: at,
        eventId: 1,
        siteIds: [],
        withAllSignoffs: true,
        problems: [],
      },
      {
        changeId: "b",
        number: "B",
        startedAt: at,
        eventId: 2,
        siteIds: [],
        withAllSignoffs: true,
        problems: [],
      },
    ];
    const row = (changeId: string, actualStart: Date | null) => ({
      changeId,
      number: changeId.toUpperCase(),
      actualStart,
    });
    const table = [row("a", at), row("c", at), row("d", new Date(T0 - 2 * H))];
    const byId = new Map([
      ["a", row("a", new Date(T0 + 30_000))],
      ["b", row("b", null)],
    ]);
    const trailAt = new Map([
      ["a", at],
      ["b", at],
      ["d", at],
    ]);
    expect(startMismatches(trail, table, byId, trailAt).map((m) => [m.number, m.kind])).toEqual([
      ["B", "not_started_in_table"],
      ["C", "no_start_event"],
      ["D", "started_before_gate"],
    ]);
  });
});
