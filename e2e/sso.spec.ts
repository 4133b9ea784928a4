import { PEOPLE } from "./accounts";
import { fillChangeForm, minutesFromNow, saveDraft, submit } from "./changes-helpers";
import { loginAtIdp } from "./idp";
import { copyDemoAssets, createOwnArea, openWindowAroundNow } from "./own-data";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

// Issue 14: single sign-on against the test identity provider (test/idp/server.mjs, started by
// playwright.config.ts), roles from its groups, re-authentication at signing, and sign-out of both.
test("an SSO safety approver signs in through the provider, sees the change at the mapped site only, signs it through re-authentication, and signs out of both", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const tag = `e2e-${Date.now().toString(36)}`;

  // The administrator maps the provider's group to the refinery's safety role.
  const admin = await pageAs(browser, PEOPLE.admin);
  await admin.goto("/admin/sso");
  await expect(admin.getByRole("heading", { name: "Single sign-on" })).toBeVisible();
  await admin.getByLabel("Value (e.g. group name)").fill("ot-safety-gcr");
  await admin.getByLabel("Site", { exact: true }).selectOption("GCR");
  await admin.getByLabel("Role", { exact: true }).selectOption("safety");
  await admin.getByRole("button", { name: "Add mapping" }).click();
  const mappings = admin.getByRole("table", { name: "Claim values and the site roles they give" });
  await expect(mappings.getByRole("row", { name: /ot-safety-gcr/ })).toContainText("GCR");
  await expectNoAxeViolations(admin);
  await admin.context().close();

  // A change at the refinery waiting for safety (a burner management system is safety-related).
  const area = await createOwnArea(browser, baseURL!, "GCR", "SSO e2e");
  const { "BMS-UTIL-B1": bms } = await copyDemoAssets(browser, baseURL!, area, ["BMS-UTIL-B1"]);
  await openWindowAroundNow(browser, baseURL!, area, `SSO window ${tag}`);
  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  const title = `Burner management patch (${tag})`;
  await fillChangeForm(dana, {
    title,
    type: "security_patch",
    cls: "normal",
    assetSearch: bms!.tag,
    assetTag: bms!.tag,
    start: minutesFromNow(30),
    end: minutesFromNow(150),
  });
  const { id, number } = await saveDraft(dana);
  await submit(dana);
  await dana.context().close();

  // Sam has no Interlock account yet: the first sign-in creates it (auto-provision is on).
  const context = await browser.newContext({ baseURL });
  const sam = await context.newPage();
  await sam.goto("/login");
  await expectNoAxeViolations(sam);
  await sam.getByRole("button", { name: "Continue with Corporate SSO" }).click();
  await loginAtIdp(sam, "sam.safety");
  await expect(sam.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(sam.getByRole("button", { name: "Sam Safety" })).toBeVisible();

  // The mapped site only: the refinery's change opens, the pharma plant is not there.
  await sam.goto(`/changes/${id}`);
  await expect(sam.getByRole("heading", { name: title, exact: true })).toBeVisible();
  await sam.goto("/changes");
  await expect(sam.getByRole("link", { name: number })).toBeVisible();
  await expect(sam.getByText(/RHP/)).toHaveCount(0);
  const rhp = await sam.request.get("/api/v1/sites/RHP");
  expect(rhp.status()).toBe(404);

  // Signing sends Sam to the provider to sign in again (a refused round trip and the dialog's
  // return with what was entered are in test/integration/sso-signing.test.ts).
  await sam.goto(`/changes/${id}`);
  await sam.getByRole("button", { name: "Sign", exact: true }).click();
  const dialog = sam.getByRole("dialog");
  await expect(dialog.getByTestId("sign-meaning")).toContainText("safety");
  await expect(dialog.getByLabel("Password")).toHaveCount(0);
  await expect(dialog.getByTestId("sign-reauth")).toContainText("Corporate SSO");
  const comment = `Burner trip logic unchanged by the patch (${tag}).`;
  await dialog.getByLabel(/^Comment/).fill(comment);
  await expectNoAxeViolations(sam);
  await dialog.getByRole("button", { name: "Approve and sign with Corporate SSO" }).click();
  await loginAtIdp(sam, "sam.safety");
  await sam.waitForURL(new RegExp(`/changes/${id}\\?tab=signoffs`));
  const row = sam.getByTestId("signoff-row").filter({ hasText: "Sam Safety" });
  await expect(row).toContainText("re-authenticated at the identity provider");
  await expect(row).toContainText(comment);
  const view = (await (await sam.request.get(`/api/v1/changes/${id}`)).json()) as {
    signoffs: { role: string; signerName: string; method: string; comment: string }[];
  };
  expect(view.signoffs).toEqual([
    expect.objectContaining({ role: "safety", signerName: "Sam Safety", method: "oidc-reauth", comment }),
  ]);

  // Sign-out ends the Interlock session and the provider's: the next sign-in asks for the password.
  await sam.getByRole("button", { name: "Sam Safety" }).click();
  await sam.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(sam.getByRole("button", { name: /sign me out/i })).toBeVisible();
  await sam.getByRole("button", { name: /sign me out/i }).click();
  await sam.waitForURL(/\/login/);
  await sam.goto(`/changes/${id}`);
  await sam.waitForURL(/\/login/);
  await sam.getByRole("button", { name: "Continue with Corporate SSO" }).click();
  await expect(sam.getByLabel("Username")).toBeVisible();
  await context.close();
});
