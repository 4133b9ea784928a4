import type { Page } from "@playwright/test";
import { PEOPLE } from "./accounts";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

const suffix = () => Math.random().toString(36).slice(2, 7).toUpperCase();

/** A value in the asset's Details card (the History card has field labels of its own). */
function detailValue(page: Page, label: string) {
  const details = page.locator("section", { has: page.getByRole("heading", { name: "Details" }) });
  return details.locator("dt").getByText(label, { exact: true }).locator("xpath=following-sibling::dd[1]");
}

test("a requester creates an asset, finds it in the list and edits it", async ({ browser }) => {
  const page = await pageAs(browser, PEOPLE.gcrRequester);
  const tag = `PLC-E2E${suffix()}`;

  await page.goto("/assets");
  await expect(page.getByRole("heading", { name: "Assets" })).toBeVisible();
  await expect(page.getByRole("link", { name: "DCS-CDU-C300A" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "New asset" }).click();
  await expect(page.getByRole("heading", { name: "New asset" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Create asset" }).click();
  await expect(page.getByText("Tag is required.")).toBeVisible();
  await page.getByLabel("Tag", { exact: true }).fill(tag);
  await page.getByLabel("Name", { exact: true }).fill("E2E desalter PLC");
  await page.getByLabel("Area").selectOption("CDU");
  await page.getByLabel("Kind").selectOption("plc");
  await page.getByLabel("Vendor").fill("Rockwell Automation");
  await page.getByLabel("Product", { exact: true }).fill("ControlLogix 5580");
  await page.getByLabel("Model / order number").fill("1756-L83E");
  await page.getByLabel("Firmware / software version").fill("33.011");
  await page.getByLabel("Purdue level").selectOption("1");
  await page.getByLabel("Criticality").selectOption("safety_critical");
  await page.getByLabel("Safety-related (SIS, BMS, fire & gas)").check();
  await page.getByRole("button", { name: "Create asset" }).click();

  await expect(page.getByRole("heading", { name: `${tag} — E2E desalter PLC` })).toBeVisible();
  await expect(detailValue(page, "Firmware / software version")).toHaveText("33.011");
  await expect(detailValue(page, "Area")).toHaveText("Crude distillation unit (CDU)");
  await expect(detailValue(page, "Last updated (site time)")).toHaveText(/\d{4}, \d\d:\d\d C[DS]T$/);
  await expect(page.getByText("Created by Dana Ruiz")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { name: `Edit ${tag}` })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Firmware / software version").fill("34.011");
  await expect(page.getByLabel("Exposure")).toHaveValue("plant_network");
  await page.getByLabel("Exposure").selectOption("remote_access");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: `${tag} — E2E desalter PLC` })).toBeVisible();
  await expect(detailValue(page, "Firmware / software version")).toHaveText("34.011");
  await expect(detailValue(page, "Exposure")).toHaveText("Remote access");
  // The edit in the history, in words: never the stored code.
  await expect(page.locator("ins", { hasText: "Remote access" })).toBeVisible();
  await expect(page.getByText("remote_access", { exact: true })).toHaveCount(0);
  await expect(detailValue(page, "Record version")).toHaveText("2");
  await expect(page.getByText("Edited by Dana Ruiz")).toBeVisible();

  await page.goto(`/assets?q=${tag}`);
  const row = page.getByRole("row", { name: new RegExp(tag) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("34.011");
  await expect(row).toContainText("Safety-related");
  await expect(row).toContainText("Remote access");

  await page.goto(`/assets?q=${tag}&exposure=internet_facing`);
  await expect(page.getByRole("row", { name: new RegExp(tag) })).toHaveCount(0);
  await page.goto(`/assets?q=${tag}&exposure=remote_access`);
  await expect(page.getByRole("row", { name: new RegExp(tag) })).toHaveCount(1);
  await expect(page.getByLabel("Exposure")).toHaveValue("remote_access");
  await page.setViewportSize({ width: 820, height: 1000 });
  await expectNoAxeViolations(page);
});

test("a CSV import with one bad row is refused naming line and column; the corrected file imports", async ({
  browser,
  baseURL,
}) => {
  const page = await pageAs(browser, PEOPLE.gcrRequester);
  const s = suffix();
  const good = [
    "tag,name,kind,areaCode,vendor,modelNumber,version,purdueLevel,criticality,safetyRelated",
    `RTU-E2E${s}1,Tank 1 RTU,rtu,TF,Emerson,ROC809,3.80,1,production_critical,no`,
    `RTU-E2E${s}2,Tank 2 RTU,rtu,TF,Emerson,ROC809,3.80,1,production_critical,no`,
    `FW-E2E${s}3,Tank farm firewall,firewall,TF,Moxa,EDR-810-2GSFP,5.12,3.5,supporting,no`,
  ];
  const bad = [...good];
  bad[2] = bad[2]!.replace(",rtu,", ",robot,");

  await page.goto("/assets/import");
  await expect(page.getByRole("heading", { name: "Import assets" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Download the template" })).toHaveAttribute(
    "href",
    "/api/v1/assets/import-template.csv",
  );
  await expectNoAxeViolations(page);

  await page.getByLabel("…or paste the CSV").fill(bad.join("\n"));
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByRole("status")).toContainText("1 problem found; nothing was imported.");
  const problems = page.getByRole("table", { name: "Problems in the file, by line and column" });
  await expect(problems.getByRole("row")).toHaveCount(2);
  await expect(problems.getByRole("row").nth(1)).toContainText(/3\s*kind\s*Kind must be one of/);
  await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();
  await expectNoAxeViolations(page);

  // The same file through the API, for real: refused, nothing written, the row named.
  const refused = await page.request.post("/api/v1/assets/import?site=GCR", {
    data: bad.join("\n"),
    headers: { "content-type": "text/csv", origin: baseURL! },
  });
  expect(refused.status()).toBe(422);
  const problem = (await refused.json()) as { errors: { path: string }[] };
  expect(problem.errors.map((e) => e.path)).toEqual(["line 3 · kind"]);

  await page.getByLabel("…or paste the CSV").fill(good.join("\n"));
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByRole("status")).toContainText(
    "The file is valid: 3 assets ready to import into GCR.",
  );
  await page.getByRole("button", { name: "Import 3 assets" }).click();
  await expect(page.getByRole("status")).toContainText("Imported 3 assets into GCR.");

  await page.getByRole("link", { name: "See the GCR assets" }).click();
  await page.goto(`/assets?q=E2E${s}`);
  await expect(page.getByRole("row", { name: /E2E/ })).toHaveCount(3);
  await page.getByRole("link", { name: `FW-E2E${s}3` }).click();
  await expect(detailValue(page, "Purdue level")).toHaveText("3.5 (DMZ)");
  await expect(page.getByText("Imported from CSV by Dana Ruiz")).toBeVisible();
});

test("an auditor reads the inventory but is offered no way to change it", async ({ browser }) => {
  const page = await pageAs(browser, PEOPLE.auditor);
  await page.goto("/assets?site=RHP&criticality=safety_critical");
  await expect(page.getByRole("link", { name: "SIS-API-F01" })).toBeVisible();
  await expect(page.getByRole("link", { name: "DCS-CDU-C300A" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New asset" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import CSV" })).toHaveCount(0);
  await page.getByRole("link", { name: "SIS-API-F01" }).click();
  await expect(page.getByRole("heading", { name: /SIS-API-F01/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(detailValue(page, "Created (site time)")).toHaveText(/\d{4}, \d\d:\d\d CES?T$/);
});
