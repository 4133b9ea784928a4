import { describe, expect, it } from "vitest";
import { GATE_REASON_CODES } from "../constants";
import { helpRolesFor } from "./who-can-help";

describe("helpRolesFor", () => {
  it("names the approvers of a missing sign-off at its site", () => {
    expect(helpRolesFor({ code: "signoff_missing", data: { role: "operations", siteCode: "GCR" } })).toEqual([
      { role: "operations", siteCode: "GCR" },
    ]);
    expect(helpRolesFor({ code: "signoff_missing", data: { role: "change_board", siteCode: null } })).toEqual(
      [{ role: "change_manager", siteCode: null }],
    );
    expect(helpRolesFor({ code: "signoff_superseded", data: { role: "pssr" } })).toEqual([
      { role: "safety", siteCode: null },
    ]);
  });

  it.each([
    ["outside_window", ["change_manager"]],
    ["blackout_active", ["change_manager"]],
    ["production_conflict", ["operations", "change_manager"]],
    ["outside_slot", ["requester", "change_manager"]],
    ["wrong_state", []],
  ])("%s → %j", (code, roles) => {
    expect(helpRolesFor({ code }).map((h) => h.role)).toEqual(roles);
  });

  it("a slot that has not begun needs only waiting", () => {
    expect(helpRolesFor({ code: "outside_slot", data: { position: "before" } })).toEqual([]);
    expect(helpRolesFor({ code: "outside_slot", data: { position: "after" } }).length).toBe(2);
  });

  it("knows every gate reason code and tolerates unknown ones", () => {
    for (const code of GATE_REASON_CODES) expect(Array.isArray(helpRolesFor({ code }))).toBe(true);
    expect(helpRolesFor({ code: "from_a_newer_version" })).toEqual([]);
  });
});
