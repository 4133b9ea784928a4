import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** The test identity provider's users' password (test/idp/users.json). */
export const IDP_PASSWORD = "idp-test-password";

/** Signs in on the test identity provider's login page, where the portal sent the browser. */
export async function loginAtIdp(page: Page, username: string) {
  await page.waitForURL((url) => url.hostname === "127.0.0.1");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}
