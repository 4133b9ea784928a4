import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Page } from "@playwright/test";
import { authFile } from "./accounts";

/** A page in a fresh browser context signed in as the given demo account. */
export async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(email) });
  return context.newPage();
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base;
export { expect };
