import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, PEOPLE } from "./accounts";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import { loginAtIdp } from "./idp";
import { api, as } from "./own-data";
import { fileStandardChange } from "./standard-change-helpers";

// Issue 15 item 1 end to end: a change manager proposes a model in the catalog, another change
// manager signs it for the change board (the shared e-signature dialog, password, content hash),
// and a requester files a standard change from it; then an edit makes version 2, and the model is
// retired. Axe and a screenshot (in .data/screens, git-ignored) on every catalog page at both widths.

const BOARD = "victor.alvarez@gcr.demo";
const SCREENS = path.join(__dirname, "..", ".data", "screens");

async function checkPage(page: Page, name: string) {
  for (const width of [1280, 820]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENS, `catalog-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a change manager proposes a model, the board approves it, a requester files a standard change from it", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const title = `IPS signature refresh on a cell firewall ${Date.now().toString(36)}`;

  // The change manager proposes it.
  const elena = await pageAs(browser, PEOPLE.gcrChangeManager);
  await elena.goto("/catalog");
  await expect(elena.getByRole("heading", { name: "Standard change catalog" })).toBeVisible();
  await expect(elena.getByTestId("model-row").first()).toBeVisible();
  await checkPage(elena, "list");
  await elena.getByRole("link", { name: "Propose a model" }).click();
  await expect(elena.getByRole("heading", { name: "Propose a standard change model" })).toBeVisible();
  // Bad input is refused in the form, nothing saved.
  await elena.getByRole("button", { name: "Propose the model" }).click();
  await expect(elena.getByText("Choose at least one change type.")).toBeVisible();
  await expect(elena).toHaveURL(/\/catalog\/new$/);

  await elena.getByLabel("Title").fill(title);
  await elena.getByLabel("Site").selectOption("GCR");
  await elena
    .getByLabel("Description of the work")
    .fill("Load the vendor's current IPS signature package on an OT cell firewall; rules are not touched.");
  await elena.getByRole("checkbox", { name: "Configuration change", exact: true }).check();
  await elena.getByRole("checkbox", { name: "Firewall", exact: true }).check();
  await elena.getByRole("checkbox", { name: "Supporting", exact: true }).check();
  await elena.getByRole("checkbox", { name: "Production-critical", exact: true }).check();
  await elena.getByLabel("Maximum downtime (minutes)").fill("0");
  await elena.getByLabel("The vendor has qualified the fix").check();
  await elena.getByLabel("Evidence to attach or cite").fill("The vendor's release note.");
  await elena
    .getByLabel("Implementation plan template")
    .fill("1. Save the running configuration.\n2. Load the signature package.");
  await elena.getByLabel("Backout plan template").fill("1. Roll back to the previous signature package.");
  await checkPage(elena, "propose");
  await elena.getByRole("button", { name: "Propose the model" }).click();

  await expect(elena).toHaveURL(/\/catalog\/[0-9a-f-]{36}\?done=proposed$/);
  const modelUrl = elena.url().replace(/\?.*$/, "");
  await expect(elena.getByRole("heading", { level: 1 })).toContainText(title);
  await expect(elena.getByText("Version 1: awaiting the change board")).toBeVisible();
  // The proposer may not approve their own work; the page says who can.
  await expect(elena.getByRole("button", { name: "Sign for the board" })).toHaveCount(0);
  await expect(elena.getByText(/You proposed this version; another change manager/)).toBeVisible();
  await expect(elena.getByTestId("who-can-help")).toContainText("Victor Alvarez");
  await checkPage(elena, "model-proposed");

  // Another change manager signs it for the change board.
  const victor = await pageAs(browser, BOARD);
  await victor.goto(modelUrl);
  await victor.getByRole("button", { name: "Sign for the board" }).click();
  const dialog = victor.getByRole("dialog");
  await expect(dialog.getByTestId("sign-meaning")).toContainText(
    /Approved as .* for Gulf Coast Refinery: standard change model SC-\d{3} v1/,
  );
  await expectNoAxeViolations(victor);
  await dialog.getByLabel("Password").fill("not my password");
  await dialog.getByRole("button", { name: "Approve and sign" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  await dialog.getByRole("button", { name: "Approve and sign" }).click();
  await expect(victor.getByText(/Signed for the change board/)).toBeVisible();
  await expect(victor.getByText("Version 1 in use")).toBeVisible();
  const signature = victor.getByTestId("model-signoff");
  await expect(signature).toContainText("Victor Alvarez");
  await expect(signature).toContainText(/Meaning: Approved as .*SC-\d{3} v1/);
  await expect(signature).toContainText(/(CST|CDT)/);
  await checkPage(victor, "model-approved");

  // A requester files a standard change from it.
  const { page: dana } = await fileStandardChange(browser, baseURL!, {
    modelTitle: title,
    implementationPlan: /Save the running configuration/,
    backoutPlan: /previous signature package/,
  });
  await dana.goto(modelUrl);
  await expect(dana.getByRole("cell", { name: /Standard change from the catalog/ })).toBeVisible();
  // A requester sees no buttons, and who can act.
  await expect(dana.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(dana.getByRole("button", { name: "Retire" })).toHaveCount(0);
  await expect(dana.getByText(/Only a change manager of Gulf Coast Refinery/).first()).toBeVisible();
  await expect(dana.getByTestId("who-can-help")).toContainText("Elena Brooks");
  await dana.goto("/catalog?state=usable&site=GCR");
  await expect(dana.getByTestId("model-row").filter({ hasText: title })).toContainText("Approved");

  // An edit makes version 2, which needs the board again; version 1 stays in use.
  await elena.goto(modelUrl);
  await elena.getByRole("link", { name: "Edit" }).click();
  await expect(elena.getByRole("heading", { name: /^Edit SC-\d{3}$/ })).toBeVisible();
  await expect(elena.getByLabel("Title")).toHaveValue(title);
  await elena.getByLabel("Maximum downtime (minutes)").fill("5");
  await checkPage(elena, "edit");
  await elena.getByRole("button", { name: "Save as version 2" }).click();
  await expect(elena).toHaveURL(/\?done=revised$/);
  await expect(elena.getByText("Version 2: awaiting the change board")).toBeVisible();
  await expect(elena.getByText("Version 1 in use")).toBeVisible();
  await expect(elena.getByTestId("version-row")).toHaveCount(2);

  // Retiring stops new use.
  await elena.getByRole("button", { name: "Retire" }).click();
  await elena.getByRole("dialog").getByRole("button", { name: "Retire the model" }).click();
  await expect(elena.getByRole("dialog").getByText("Reason is required.")).toBeVisible();
  await elena.getByRole("dialog").getByLabel("Reason").fill("Replaced by the vendor's update service");
  await elena.getByRole("dialog").getByRole("button", { name: "Retire the model" }).click();
  await expect(elena.getByText("Retired: no new standard change may follow this model")).toBeVisible();
  await expect(elena).toHaveURL(modelUrl);
  await expect(elena.getByText("What version 1 allowed until the model was retired")).toBeVisible();
  await checkPage(elena, "model-retired");
  for (const p of [elena, victor, dana]) await p.context().close();
});

test("a single sign-on board member signs a model by signing in again at the identity provider", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  // The administrator maps the provider's group to the refinery's change manager role.
  await as(browser, PEOPLE.admin, async (admin) => {
    await admin.goto("/admin/sso");
    await admin.getByLabel("Value (e.g. group name)").fill("ot-ops-gcr");
    await admin.getByLabel("Site", { exact: true }).selectOption("GCR");
    await admin.getByLabel("Role", { exact: true }).selectOption("change_manager");
    await admin.getByRole("button", { name: "Add mapping" }).click();
    await expect(
      admin.getByRole("table", { name: "Claim values and the site roles they give" }).getByRole("row", {
        name: /ot-ops-gcr/,
      }),
    ).toBeVisible();
  });
  const title = `HMI password rotation ${Date.now().toString(36)}`;
  const model = await as(browser, PEOPLE.gcrChangeManager, (elena) =>
    api<{ id: string }>(elena, baseURL!, "POST", "/api/v1/standard-models", {
      siteCode: "GCR",
      title,
      description: "Rotate the local administrator password of an operator terminal through the vault.",
      changeTypes: ["access"],
      assetKinds: ["hmi"],
      criticalities: ["supporting"],
      maxDowntimeMinutes: 0,
      implementationPlanTemplate: "1. Check out the account.\n2. Rotate the password.",
      backoutPlanTemplate: "1. Restore the previous password from the vault.",
    }),
  );

  const context = await browser.newContext({ baseURL });
  const olga = await context.newPage();
  await olga.goto("/login");
  await olga.getByRole("button", { name: "Continue with Corporate SSO" }).click();
  await loginAtIdp(olga, "olga.ops");
  await expect(olga.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await olga.goto(`/catalog/${model.id}`);
  await olga.getByRole("button", { name: "Sign for the board" }).click();
  const dialog = olga.getByRole("dialog");
  await expect(dialog.getByLabel("Password")).toHaveCount(0);
  await expect(dialog.getByTestId("sign-reauth")).toContainText("Corporate SSO");
  await dialog.getByLabel(/^Comment/).fill("Reviewed at the board meeting.");
  await expectNoAxeViolations(olga);
  await dialog.getByRole("button", { name: "Approve and sign with Corporate SSO" }).click();
  await loginAtIdp(olga, "olga.ops");
  await olga.waitForURL(new RegExp(`/catalog/${model.id}\\?done=signed`));
  await expect(olga.getByText("Version 1 in use")).toBeVisible();
  await expect(olga.getByTestId("model-signoff")).toContainText("Olga Operations");
  await expect(olga.getByTestId("model-signoff")).toContainText("Reviewed at the board meeting.");
  await context.close();
});
