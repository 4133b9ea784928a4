import { PEOPLE, DEMO_PASSWORD } from "./accounts";
import { expect, pageAs, test } from "./fixtures";

// callbackUrl values that browsers would turn into another host if taken at face value.
const HOSTILE = [
  "/%5Cevil.example",
  "/%09/evil.example",
  "/\\evil.example",
  "//evil.example",
  "https:evil.example",
];

test.describe("after sign-in the browser stays on this portal", () => {
  for (const callbackUrl of HOSTILE) {
    test(`signing in with callbackUrl ${JSON.stringify(callbackUrl)}`, async ({ page, baseURL }) => {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Email").fill(PEOPLE.gcrRequester);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }

  test("an already signed-in visit to the sign-in page redirects within the portal", async ({
    browser,
    baseURL,
  }) => {
    const page = await pageAs(browser, PEOPLE.gcrRequester);
    for (const callbackUrl of HOSTILE) {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    }
  });
});
