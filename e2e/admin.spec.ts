import { DEMO_PASSWORD, PEOPLE } from "./accounts";
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Fills the create-user form (already open) with one GCR role and lands on the new user's page. */
async function createUser(admin: Page, email: string, name: string, role: string, axe = false) {
  await expect(admin.getByRole("heading", { name: "Create user" })).toBeVisible();
  if (axe) await expectNoAxeViolations(admin);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Full name").fill(name);
  await admin.getByLabel("Initial password").fill(DEMO_PASSWORD);
  await admin.getByRole("button", { name: "Add a site role" }).click();
  await admin.getByLabel("Site, role 1").selectOption("GCR");
  await admin.getByLabel("Role 1", { exact: true }).selectOption(role);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByRole("heading", { name })).toBeVisible();
}

test.describe("administration", () => {
  test("an administrator creates a user with a role, grants another, and the user sees them after signing in", async ({
    browser,
  }) => {
    const admin = await pageAs(browser, PEOPLE.admin);
    await admin.goto("/admin");
    await expect(admin.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    await expect(admin.getByRole("table", { name: "Users" })).toContainText(PEOPLE.gcrRequester);
    await expectNoAxeViolations(admin);

    await admin.getByRole("link", { name: "Create user" }).click();
    const email = `e2e-${unique()}@example.test`;
    await createUser(admin, email, "Erin Newcomer", "operations", true);
    const roles = admin.getByRole("table", { name: `Roles of ${email}` });
    await expect(roles).toContainText("Operations approver");
    await expectNoAxeViolations(admin);

    await admin.getByLabel("Site", { exact: true }).selectOption("RHP");
    await admin.getByLabel("Role", { exact: true }).selectOption("auditor");
    await admin.getByRole("button", { name: "Grant role" }).click();
    const grant = admin.getByRole("dialog", { name: "Grant Auditor at RHP?" });
    await expectNoAxeViolations(admin);
    await grant.getByRole("button", { name: "Grant role" }).click();
    await expect(grant).toBeHidden();
    await expect(roles).toContainText("RHP");

    const context = await browser.newContext();
    const user = await context.newPage();
    await user.goto("/login");
    await user.getByLabel("Email").fill(email);
    await user.getByLabel("Password").fill(DEMO_PASSWORD);
    await user.getByRole("button", { name: "Sign in" }).click();
    await expect(user.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await user.getByRole("button", { name: "Erin Newcomer" }).click();
    const menuRoles = user.getByRole("list", { name: "Your roles" });
    await expect(menuRoles).toContainText("GCR · Operations approver");
    await expect(menuRoles).toContainText("RHP · Auditor");
    await context.close();
  });

  test("an administrator revokes a role, disables and enables an account, and resets a password", async ({
    browser,
  }) => {
    const admin = await pageAs(browser, PEOPLE.admin);
    const email = `e2e-${unique()}@example.test`;
    await admin.goto("/admin/users/new");
    await createUser(admin, email, "Morgan Mover", "safety");
    const roles = admin.getByRole("table", { name: `Roles of ${email}` });
    await admin.getByRole("button", { name: "Revoke Safety approver at GCR" }).click();
    const revoke = admin.getByRole("dialog", { name: "Revoke Safety approver at GCR?" });
    await expectNoAxeViolations(admin);
    await revoke.getByRole("button", { name: "Revoke role" }).click();
    await expect(revoke).toBeHidden();
    await expect(roles).toContainText("No site roles");

    await admin.getByRole("button", { name: "Disable account" }).click();
    const disable = admin.getByRole("dialog", { name: `Disable ${email}?` });
    await expectNoAxeViolations(admin);
    await disable.getByRole("button", { name: "Disable account" }).click();
    await expect(admin.getByText("Disabled", { exact: true }).first()).toBeVisible();
    await admin.getByRole("button", { name: "Enable account" }).click();
    await admin
      .getByRole("dialog", { name: `Enable ${email}?` })
      .getByRole("button", { name: "Enable account" })
      .click();
    await expect(admin.getByRole("button", { name: "Disable account" })).toBeVisible();

    await admin.getByRole("button", { name: "Reset password" }).click();
    const reset = admin.getByRole("dialog", { name: `Reset the password of ${email}?` });
    await reset.getByLabel("New password").fill("short");
    await reset.getByRole("button", { name: "Reset password" }).click();
    await expect(reset.getByText("Use at least 12 characters.")).toBeVisible();
    await expectNoAxeViolations(admin);
    await reset.getByLabel("New password").fill("a replacement password");
    await reset.getByRole("button", { name: "Reset password" }).click();
    await expect(reset).toBeHidden();

    await admin.goto(`/admin?q=${encodeURIComponent(email)}`);
    await expect(admin.getByRole("table", { name: "Users" }).getByRole("row")).toHaveCount(2);
  });

  test("an administrator creates a site with an IANA zone and adds an area", async ({ browser }) => {
    const admin = await pageAs(browser, PEOPLE.admin);
    await admin.goto("/admin/sites");
    await expect(admin.getByRole("table", { name: "Sites with their time zones and areas" })).toContainText(
      "America/Chicago",
    );
    await expectNoAxeViolations(admin);

    const code = `E${unique().slice(-6).toUpperCase()}`;
    await admin.getByRole("button", { name: "Create site" }).click();
    const dialog = admin.getByRole("dialog", { name: "Create a site" });
    await dialog.getByLabel("Code").fill(code);
    await dialog.getByLabel("Name").fill("Tokyo test plant");
    await dialog.getByLabel("Time zone (IANA)").fill("+09:00");
    await dialog.getByRole("button", { name: "Create site" }).click();
    await expect(dialog.getByText("Use an IANA time zone")).toBeVisible();
    await expectNoAxeViolations(admin);
    await dialog.getByLabel("Time zone (IANA)").fill("Asia/Tokyo");
    await dialog.getByRole("button", { name: "Create site" }).click();
    await expect(dialog).toBeHidden();

    const row = admin.getByRole("row", { name: new RegExp(code) });
    await expect(row).toContainText("Asia/Tokyo");
    await row.getByRole("button", { name: `Add an area to ${code}` }).click();
    const area = admin.getByRole("dialog", { name: `Add an area to ${code}` });
    await area.getByLabel("Code").fill("boil");
    await area.getByLabel("Name").fill("Boiler house");
    await area.getByRole("button", { name: "Add area" }).click();
    await expect(area).toBeHidden();
    await expect(row).toContainText("BOIL");
    await expect(row).toContainText("Boiler house");
  });

  test("administration does not exist for anyone else", async ({ browser }) => {
    const page = await pageAs(browser, PEOPLE.gcrChangeManager);
    for (const path of [
      "/admin",
      "/admin/sites",
      "/admin/users/new",
      `/admin/users/${encodeURIComponent(PEOPLE.admin)}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
  });
});
