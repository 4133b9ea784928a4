import type { Browser, Page } from "@playwright/test";
import { PEOPLE } from "./accounts";
import { expectState, gcrLocal, minutesFromNow, saveDraft, submit } from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs } from "./fixtures";
import { copyDemoAssets, createOwnArea, openWindowAroundNow } from "./own-data";

export interface StandardFiling {
  /** The model's title as the change form's picker lists it. */
  modelTitle: string;
  /** What the model's templates put into the empty plans. */
  implementationPlan: RegExp;
  backoutPlan: RegExp;
  /** The approved version the picker offers (1 unless the model was edited). */
  version?: number;
}

/**
 * A GCR requester files a standard change from an approved catalog model on a copy of the demo
 * cell firewall (a configuration change, no downtime, bench-tested and vendor-qualified), in an
 * area and window of the test's own, and submits it: the plans come from the model's templates,
 * and only security is required. Axe runs with the picker open.
 */
export async function fileStandardChange(
  browser: Browser,
  baseURL: string,
  f: StandardFiling,
): Promise<{ page: Page; id: string }> {
  const tag = `e2e-${Date.now().toString(36)}`;
  const area = await createOwnArea(browser, baseURL, "GCR", `Standard change ${tag}`);
  const { "FW-CDU-CELL": fw } = await copyDemoAssets(browser, baseURL, area, ["FW-CDU-CELL"]);
  await openWindowAroundNow(browser, baseURL, area, `Standard change window ${tag}`);

  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  await dana.goto("/changes/new");
  await expect(dana.getByRole("heading", { name: "New change" })).toBeVisible();
  await dana.getByLabel("Title").fill(`Standard change from the catalog (${tag})`);
  await dana.getByLabel("Type", { exact: true }).selectOption("configuration");
  await expect(dana.getByLabel("Standard change model")).toHaveCount(0);
  await dana.getByLabel("Class", { exact: true }).selectOption("standard");

  const picker = dana.getByLabel("Standard change model");
  await expect(picker).toBeVisible();
  const option = picker.locator("option", { hasText: f.modelTitle });
  await picker.selectOption((await option.getAttribute("value"))!);
  // The model's plan templates fill the empty plans; its bounds are shown beside the choice.
  await expect(dana.getByRole("textbox", { name: "Implementation plan" })).toHaveValue(f.implementationPlan);
  await expect(dana.getByRole("textbox", { name: "Backout plan" })).toHaveValue(f.backoutPlan);
  await expect(dana.getByText("at most 0 min")).toBeVisible();
  await expectNoAxeViolations(dana);

  await dana.getByLabel("Description").fill("Load the current IPS signature package.");
  await dana.getByLabel("Justification / technical basis").fill("Monthly signature refresh.");
  await dana.getByRole("combobox", { name: "Search the inventory" }).fill(fw!.tag);
  await dana.getByRole("option", { name: new RegExp(`^${fw!.tag} `) }).click();
  // Low risk, as a standard change must be: tested on the bench and vendor-qualified.
  await dana.getByLabel("Tested on a test bench").check();
  await dana.getByLabel("Vendor-qualified").check();
  await dana.getByLabel("Expected downtime (minutes)").fill("0");
  await dana.getByLabel(/^Planned start/).fill(gcrLocal(minutesFromNow(30)));
  await dana.getByLabel(/^Planned end/).fill(gcrLocal(minutesFromNow(90)));
  await dana.getByLabel(/^Implementer's email/).fill(PEOPLE.gcrRequester);
  const { id } = await saveDraft(dana);

  // The change page names the model version it follows.
  await expect(dana.getByText(`v${f.version ?? 1} “${f.modelTitle}”`, { exact: false })).toBeVisible();
  await submit(dana);
  await expectState(dana, "Submitted");
  // Standard: security signs; operations and the change board drop out (PRODUCT.md policy).
  await dana.getByRole("tab", { name: /Sign-offs/ }).click();
  await expect(dana.getByTestId("required-security")).toBeVisible();
  await expect(dana.getByTestId("required-change_board")).toHaveCount(0);
  await expect(dana.getByTestId("required-operations")).toHaveCount(0);
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return { page: dana, id };
}
