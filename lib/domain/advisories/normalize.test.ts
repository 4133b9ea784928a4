import { describe, expect, it } from "vitest";
import {
  modelNumberTest,
  normalizeModelNumber,
  normalizeVendor,
  productTokens,
  tokenKey,
  vendorKeys,
  vendorsMatch,
} from "./normalize";

describe("normalizeVendor", () => {
  it.each([
    ["Siemens", "siemens"],
    ["Siemens AG", "siemens"],
    ["SIEMENS AG.", "siemens"],
    ["Schneider Electric ", "schneider electric"],
    ["Schneider Electric SE", "schneider electric"],
    ["Rockwell Automation, Inc.", "rockwell automation"],
    ["Phoenix Contact GmbH & Co. KG", "phoenix contact"],
    ["Yokogawa Electric Corporation", "yokogawa electric"],
    ["Honeywell International Inc.", "honeywell international"],
    ["Allen-Bradley", "rockwell automation"],
    ["Hitachi Energy Ltd", "hitachi energy"],
    ["WAGO GmbH & Co. KG", "wago"],
    ["ABB", "abb"],
    ["Inc.", ""],
    ["Endress+Hauser", "endress hauser"],
    ["Société Générale", "societe generale"],
  ])("%s → %s", (raw, key) => {
    expect(normalizeVendor(raw)).toBe(key);
  });

  it("splits a brand and its owner", () => {
    expect(vendorKeys("Exacq Technologies, Johnson Controls Inc.")).toEqual([
      "exacq technologies johnson controls",
      "exacq technologies",
      "johnson controls",
    ]);
  });
});

describe("vendorsMatch", () => {
  it.each<[string, string, boolean]>([
    ["siemens", "siemens", true],
    ["rockwell", "rockwell automation", true],
    ["honeywell international", "honeywell", true],
    ["siemens", "siemens energy", true], // the products decide; the vendor only scopes
    ["abb", "abbott", false],
    ["", "siemens", false],
    ["schneider electric", "siemens", false],
  ])("%s ~ %s → %s", (a, b, expected) => {
    expect(vendorsMatch(a, b)).toBe(expected);
  });
});

describe("model numbers", () => {
  it.each([
    ["6ES7 511-1AK02-0AB0", "6ES75111AK020AB0"],
    ["6es7511-1ak02-0ab0", "6ES75111AK020AB0"],
    ["6ES7511‐1AK02–0AB0", "6ES75111AK020AB0"],
  ])("normalises %s", (raw, key) => {
    expect(normalizeModelNumber(raw)).toBe(key);
  });

  it.each<[string, string, boolean]>([
    ["6ES7518-4AP00-0AB0", "6ES7518-4AP00-0AB0", true],
    ["6ES7518-4AP00-0AB0", "6ES7518-4AP00-3AB0", false],
    ["6ES7518-4AX00-1AB0", "6ES7518-4AP00-1AB0", false], // upper-case X is a real letter
    ["6ES7214-1xG40-0XB0", "6ES7214-1AG40-0XB0", true], // lower-case x is a placeholder
    ["6ES7214-1xG40-0XB0", "6ES7214-1AG40-0AB0", false],
    ["BMXP34*", "BMXP342020", true],
    ["BMEP58*S", "BMEP584040S", true],
    ["BMEP58*S", "BMEP584040", false],
    ["171CBU*", "171CBU78090", true],
  ])("%s fits %s → %s", (pattern, model, expected) => {
    const t = modelNumberTest(pattern);
    const m = normalizeModelNumber(model);
    expect("exact" in t ? t.exact === m : t.pattern.test(m)).toBe(expected);
  });
});

describe("productTokens", () => {
  it.each([
    ["SIMATIC S7-1500 CPU 1518-4 PN/DP", "1500 1518 4 cpu dp pn s7 simatic"],
    ["ROC809 Firmware", "roc809"],
    ["PanelView 800-2711R-T4T", "2711r 800 panelview t4t"],
    ["Experion PKS", "experion pks"],
  ])("%s", (name, key) => {
    expect(tokenKey(productTokens(name))).toBe(key);
  });
});
