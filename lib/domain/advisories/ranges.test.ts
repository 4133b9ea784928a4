import { describe, expect, it } from "vitest";
import { parseVersionSpec, versionInSpec } from "./ranges";

/** Compact notation for the expected parse: "all", "=V1.0", "<V3.2|>=2.0", "unparsed", "none". */
function notation(raw: string, isRange = true): string {
  const s = parseVersionSpec(raw, isRange);
  if (s.kind === "constraints") return s.constraints.map((c) => `${c.op}${c.version}`).join("|");
  if (s.kind === "exact") return `=${s.version}`;
  return s.kind;
}

describe("parseVersionSpec: vers", () => {
  it.each<[string, string]>([
    ["vers:all/*", "all"],
    ["vers:all/<V3.1.4", "<V3.1.4"],
    ["vers:all/<V5.5.2", "<V5.5.2"],
    ["vers:intdot/>=1.2.0|<2.0.0", ">=1.2.0|<2.0.0"],
    ["vers:intdot/<2.0.0|>=1.2.0", ">=1.2.0|<2.0.0"], // sorted, as the spec requires
    ["vers:semver/>=1.0.0-beta|<1.0.1", ">=1.0.0-beta|<1.0.1"],
    ["vers:generic/1.0|>=2.0|<3.0|!=2.5", "=1.0|>=2.0|!=2.5|<3.0"],
    ["vers:generic/ >= 2.0 | < 3.0 ", ">=2.0|<3.0"],
    ["vers:npm/>=1.0.0|<2.0.0%2Bbuild.1", ">=1.0.0|<2.0.0+build.1"],
    ["vers:all/", "unparsed"],
    ["vers:all", "unparsed"],
    ["vers:all/<V3.x", "unparsed"],
    ["vers:all/<1.0|<2.0", "unparsed"], // two upper bounds in a row do not form intervals
    ["vers:all/*|<2.0", "unparsed"],
    ["vers:intdot/<V3.2", "<V3.2"], // not strict intdot; read leniently
  ])("%s → %s", (raw, expected) => {
    expect(notation(raw)).toBe(expected);
  });
});

describe("parseVersionSpec: free text and vendor wording", () => {
  it.each<[string, string]>([
    ["All versions", "all"],
    ["all versions", "all"],
    ["*", "all"],
    ["All versions < V3.2", "<V3.2"],
    ["all versions before V2.0", "<V2.0"],
    ["<V3.2", "<V3.2"],
    ["< V2.0", "<V2.0"],
    ["<= 4.1", "<=4.1"],
    ["<= 21.12", "<=21.12"],
    ["=< 4.1", "<=4.1"],
    [">=2.0|<3.0", ">=2.0|<3.0"],
    [">= 2.0, < 3.0", ">=2.0|<3.0"],
    [">=12.0.1|<=12.0.14", ">=12.0.1|<=12.0.14"],
    [">=R1.01|<=R4.31", ">=R1.01|<=R4.31"],
    ["V2.0 - V2.3", ">=V2.0|<=V2.3"],
    ["from 1.0 to 1.4", ">=1.0|<=1.4"],
    ["before 1.5", "<1.5"],
    ["prior to V4.0", "<V4.0"],
    ["up to and including 2.2", "<=2.2"],
    ["V2.1 and later", ">=V2.1"],
    ["3.0+", ">=3.0"],
    ["<R510.2_HF14", "<R510.2_HF14"],
    ["<=3.8.0_Feature_Pack_1", "<=3.8.0_Feature_Pack_1"],
    ["<=2018_SP3_P05", "<=2018_SP3_P05"],
    ["< 6.1.1-1", "<6.1.1-1"],
    [">=v34.011", ">=v34.011"],
    [">FW16_up_to_and_including_FW26", ">FW16|<=FW26"],
    ["5.011  | < 8.011", "=5.011|<8.011"],
    ["SV4.01", "=SV4.01"],
    ["< 3.3 SP1 3.x", "unparsed"],
    ["see vendor website", "unparsed"],
    ["", "none"],
  ])("%s → %s", (raw, expected) => {
    expect(notation(raw)).toBe(expected);
  });

  it.each<[string, string]>([
    ["2023", "=2023"],
    ["Firmware__20.011", "=Firmware__20.011"],
    ["3.3 SP2 (part of SPR1 2023.0)", "=3.3 SP2"],
    ["Version v1.0", "=Version v1.0"],
    ["All versions", "all"],
    ["n/a", "unparsed"],
  ])("product_version %s → %s", (raw, expected) => {
    expect(notation(raw, false)).toBe(expected);
  });

  it("explains why a range is unparsed", () => {
    expect(parseVersionSpec("< 3.3 SP1 3.x")).toMatchObject({
      kind: "unparsed",
      reason: '"3.3 SP1 3.x" is not a version we can compare',
    });
  });
});

describe("versionInSpec", () => {
  it.each<[string, string, boolean | null]>([
    ["vers:all/*", "1.0", true],
    ["vers:all/*", "", true], // every version is listed: no version needed
    ["All versions < V3.2", "V3.1.4", true],
    ["All versions < V3.2", "V3.2", false],
    ["All versions < V3.2", "3.2.1", false],
    ["<= 4.1", "4.1", true],
    ["<= 4.1", "4.1.1", false],
    [">=2.0|<3.0", "1.9", false],
    [">=2.0|<3.0", "2.0", true],
    [">=2.0|<3.0", "2.9.9", true],
    [">=2.0|<3.0", "3.0", false],
    ["V2.0 - V2.3", "V2.3", true],
    ["V2.0 - V2.3", "V2.3.1", false],
    ["before 1.5", "1.4.9", true],
    ["before 1.5", "1.5", false],
    ["<R510.2_HF14", "R510.2_HF13", true],
    ["<R510.2_HF14", "R510.2", true],
    ["<R510.2_HF14", "R510.2_HF14", false],
    ["<R510.2_HF14", "R511.1", false],
    ["<=3.8.0_Feature_Pack_1", "3.8.0", true],
    ["<=3.8.0_Feature_Pack_1", "3.8.0_Feature_Pack_2", false],
    ["< 6.1.1-1", "6.1.1", true],
    ["< 6.1.1-1", "6.1.1-1", false],
    ["SV4.01", "4.01", true],
    ["SV4.01", "4.02", false],
    [">FW16_up_to_and_including_FW26", "FW16", false],
    [">FW16_up_to_and_including_FW26", "FW20", true],
    [">FW16_up_to_and_including_FW26", "26", true],
    [">FW16_up_to_and_including_FW26", "FW27", false],
    [">FW16_up_to_and_including_FW26", "04.03.03(26)", true], // WAGO shows FW26 as 04.03.03(26)
    [">FW16_up_to_and_including_FW26", "03.01.07(13)", false],
    [">FW16_up_to_and_including_FW26", "04.03.03", null], // no FW number: another magnitude
    ["5.011  | < 8.011", "5.011", true],
    ["5.011  | < 8.011", "7.0", true],
    ["5.011  | < 8.011", "8.011", false],
    ["vers:generic/1.0|>=2.0|<3.0|!=2.5", "1.0", true],
    ["vers:generic/1.0|>=2.0|<3.0|!=2.5", "1.5", false],
    ["vers:generic/1.0|>=2.0|<3.0|!=2.5", "2.5", false],
    ["vers:generic/1.0|>=2.0|<3.0|!=2.5", "2.6", true],
    ["vers:generic/<1.0|>=2.0", "3.0", true],
    ["vers:generic/<1.0|>=2.0", "1.5", false],
    ["vers:semver/>=1.0.0-beta|<1.0.1", "1.0.0-alpha", false],
    ["vers:semver/>=1.0.0-beta|<1.0.1", "1.0.0", true],
    ["< 3.3 SP1 3.x", "3.2", null], // unparsed range → cannot say
    ["<V3.2", "", null], // no version on the asset → cannot say
    ["<V3.2", "unknown", null],
    ["<2018 SP3", "2018 HF1", null], // qualifiers that do not order
  ])("%s contains %s → %s", (range, version, expected) => {
    expect(versionInSpec(version, parseVersionSpec(range)).inRange).toBe(expected);
  });

  it("says which comparison decided", () => {
    expect(versionInSpec("V3.1.4", parseVersionSpec("<V3.2")).detail).toBe("V3.1.4: < V3.2 (range <V3.2)");
    expect(versionInSpec("2.5", parseVersionSpec(">=2.0|<3.0")).detail).toBe(
      "2.5: >= 2.0 and < 3.0 (range >=2.0|<3.0)",
    );
    expect(versionInSpec("", parseVersionSpec("<V3.2")).detail).toBe("no version is recorded on the asset");
  });
});
