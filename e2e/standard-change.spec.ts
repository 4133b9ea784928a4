import { PEOPLE } from "./accounts";
import { expectState, gcrLocal, minutesFromNow, saveDraft, submit } from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import { copyDemoAssets, createOwnArea, openWindowAroundNow } from "./own-data";

// Issue 15: a standard change names a model version the change board approved. The demo catalog
// holds "IPS signature update on a cell firewall" at GCR, approved by the board during the seed.
test("a requester files a standard change from an approved catalog model, its plans from the model's template", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const tag = `e2e-${Date.now().toString(36)}`;
  const area = await createOwnArea(browser, baseURL!, "GCR", "Standard change e2e");
  const { "FW-CDU-CELL": fw } = await copyDemoAssets(browser, baseURL!, area, ["FW-CDU-CELL"]);
  await openWindowAroundNow(browser, baseURL!, area, `Standard change window ${tag}`);

  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  await dana.goto("/changes/new");
  await expect(dana.getByRole("heading", { name: "New change" })).toBeVisible();
  await dana.getByLabel("Title").fill(`IPS signatures on the CDU cell firewall (${tag})`);
  await dana.getByLabel("Type", { exact: true }).selectOption("configuration");
  await expect(dana.getByLabel("Standard change model")).toHaveCount(0);
  await dana.getByLabel("Class", { exact: true }).selectOption("standard");

  const picker = dana.getByLabel("Standard change model");
  await expect(picker).toBeVisible();
  const option = picker.locator("option", { hasText: "IPS signature update on a cell firewall" });
  await picker.selectOption((await option.getAttribute("value"))!);
  // The model's plan templates fill the empty plans; its bounds are shown beside the choice.
  await expect(dana.getByRole("textbox", { name: "Implementation plan" })).toHaveValue(
    /Save the running configuration/,
  );
  await expect(dana.getByRole("textbox", { name: "Backout plan" })).toHaveValue(/previous signature package/);
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

  await expect(dana.getByText(/IPS signature update on a cell firewall/)).toBeVisible();
  await submit(dana);
  await expectState(dana, "Submitted");
  // Standard: security signs; operations and the change board drop out (PRODUCT.md policy).
  await dana.getByRole("tab", { name: /Sign-offs/ }).click();
  await expect(dana.getByTestId("required-security")).toBeVisible();
  await expect(dana.getByTestId("required-change_board")).toHaveCount(0);
  await expect(dana.getByTestId("required-operations")).toHaveCount(0);
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
});
