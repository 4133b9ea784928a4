import { describe, expect, it } from "vitest";
import { compareVersions, parseVersion } from "./versions";

describe("parseVersion: vendor formats", () => {
  it.each<[string, number[] | null, string[]]>([
    ["3.1.4", [3, 1, 4], []],
    ["V3.1.4", [3, 1, 4], []],
    ["v34.011", [34, 11], []],
    ["SV4.01", [4, 1], []],
    ["R510.2_HF14", [510, 2], ["+hf14"]],
    ["3.8.0_Feature_Pack_1", [3, 8, 0], ["+fp1"]],
    ["6.1.1-1", [6, 1, 1], ["+1"]],
    ["2018_SP3_P05", [2018], ["+sp3", "+p5"]],
    ["Firmware__20.054_kit1", [20, 54], ["+kit1"]],
    ["Version v1.0", [1, 0], []],
    ["FW19", [19], []],
    ["3.3 SP2 (part of SPR1 2023.0)", [3, 3], ["+sp2"]],
    ["2.0.0-rc.1", [2, 0, 0], ["-rc1"]],
    ["1.2 beta", [1, 2], ["-beta0"]],
    ["", null, []],
    ["unknown", null, []],
    ["3.x", null, []],
    ["3.3 SP1 3.x", null, []],
    ["V2.*", null, []],
  ])("%s", (raw, release, qualifiers) => {
    const p = parseVersion(raw);
    if (release === null) {
      expect(p).toBeNull();
      return;
    }
    expect(p?.release).toEqual(release);
    expect(
      p?.qualifiers.map((q) => (q.rank > 0 ? "+" : "-") + (q.label === "" ? "" : q.label) + q.number),
    ).toEqual(qualifiers.map((q) => (/\d$/.test(q) ? q : `${q}0`)));
  });
});

describe("compareVersions", () => {
  it.each<[string, string, -1 | 0 | 1 | null]>([
    ["3.1.4", "3.2", -1],
    ["V3.2", "3.2.0", 0],
    ["V3.10", "V3.9", 1],
    ["5.011", "5.11", 0],
    ["2.07.2", "2.7.10", -1],
    ["R510.2", "R510.2_HF14", -1],
    ["R510.2_HF14", "R510.2_HF3", 1],
    ["R510.2_HF14", "R510.3", -1],
    ["3.8.0", "3.8.0_Feature_Pack_1", -1],
    ["3.8.0_Feature_Pack_2", "3.8.0_Feature_Pack_1", 1],
    ["6.1.1-1", "6.1.1", 1],
    ["6.1.1-2", "6.1.1-10", -1],
    ["2.0.0-rc.1", "2.0.0", -1],
    ["2.0 beta", "2.0 rc", -1],
    ["2023", "2018_SP3_P05", 1],
    ["2018 SP3", "2018_SP3_P05", -1],
    ["FW20", "FW19", 1],
    ["2018 SP3", "2018 HF3", null],
    ["abc", "1.0", null],
  ])("%s vs %s → %s", (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it.each<[string, string, -1 | 0 | 1 | null]>([
    ["1.0.0-alpha", "1.0.0", -1],
    ["1.0.0-alpha", "1.0.0-beta", -1],
    ["1.0.0-1", "1.0.0-alpha", -1],
    ["1.0.0-1", "1.0.0", -1], // semver: a hyphen is a pre-release, unlike the vendor "6.1.1-1"
    ["1.2.3+build.5", "1.2.3", 0],
  ])("semver %s vs %s → %s", (a, b, expected) => {
    expect(compareVersions(a, b, "semver")).toBe(expected);
  });

  it("intdot accepts only integers and dots", () => {
    expect(compareVersions("1.10", "1.9", "intdot")).toBe(1);
    expect(compareVersions("V1.10", "1.9", "intdot")).toBeNull();
  });
});
