import { PEOPLE } from "./accounts";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

test.describe("profile and API tokens", () => {
  test("a user creates a token, calls the API with it, revokes it, and the API then refuses it", async ({
    browser,
    playwright,
    baseURL,
  }) => {
    const page = await pageAs(browser, PEOPLE.rhpQuality);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
    await page.goto("/profile");
    await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
    await expect(page.getByRole("table", { name: "Your roles at each site" })).toContainText("RHP");
    await expect(page.getByRole("table", { name: "Your roles at each site" })).toContainText(
      "Quality approver",
    );
    await expectNoAxeViolations(page);

    const name = `e2e script ${Date.now()}`;
    await page.getByRole("button", { name: "Create token" }).click();
    const dialog = page.getByRole("dialog", { name: "Create an API token" });
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);
    await dialog.getByLabel("Valid for (days)").fill("400");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create token" }).click();
    await expect(dialog.getByText("at most 365 days")).toBeVisible();
    await dialog.getByLabel("Valid for (days)").fill("30");
    await dialog.getByRole("button", { name: "Create token" }).click();

    const shown = page.getByRole("dialog", { name: "Your new API token" });
    await expect(shown.getByText("you will not see it again")).toBeVisible();
    const token = await shown.getByLabel(/Token “/).inputValue();
    expect(token).toMatch(/^ilk_/);
    await shown.getByRole("button", { name: "Copy token to clipboard" }).click();
    await expect(shown.getByText("Copied to the clipboard.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await expectNoAxeViolations(page);
    await shown.getByRole("button", { name: "Done" }).click();
    await expect(page.getByText(token)).toHaveCount(0);

    const api = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    const me = await api.get("/api/v1/me");
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      email: PEOPLE.rhpQuality,
      isAdmin: false,
      roles: [{ siteCode: "RHP", role: "quality" }],
    });

    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: `Revoke token ${name}` }).click();
    const confirm = page.getByRole("dialog", { name: `Revoke the token “${name}”?` });
    await expectNoAxeViolations(page);
    await confirm.getByRole("button", { name: "Revoke token" }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toContainText("Revoked");

    const after = await api.get("/api/v1/me");
    expect(after.status()).toBe(401);
    expect(after.headers()["content-type"]).toContain("application/problem+json");
    await api.dispose();

    const anonymous = await playwright.request.newContext({ baseURL });
    const noAuth = await anonymous.get("/api/v1/me");
    expect(noAuth.status()).toBe(401);
    expect(noAuth.headers()["content-type"]).toContain("application/problem+json");
    const doc = await anonymous.get("/api/v1/openapi.json");
    expect(doc.status()).toBe(200);
    expect((await doc.json()).openapi).toBe("3.1.0");
    await anonymous.dispose();
  });

  test("changing the password asks for the current one", async ({ browser }) => {
    const page = await pageAs(browser, PEOPLE.rhpSecurity);
    await page.goto("/profile");
    const form = page.locator("form").filter({ has: page.getByLabel("Current password") });
    await form.getByLabel("New password").fill("short");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("Use at least 12 characters.")).toBeVisible();
    await form.getByLabel("Current password").fill("not my password");
    await form.getByLabel("New password").fill("a perfectly long new password");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText("The current password is not correct.").first()).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
