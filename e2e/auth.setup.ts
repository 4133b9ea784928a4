import { expect, test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, authFile } from "./accounts";

// Signing in as every demo role through the real form; the stored states let each spec act as a role.
for (const account of DEMO_ACCOUNTS) {
  setup(`sign in as ${account.label}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByRole("button", { name: account.name })).toBeVisible();
    await page.context().storageState({ path: authFile(account.email) });
  });
}
