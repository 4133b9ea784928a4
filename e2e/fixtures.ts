import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Page } from "@playwright/test";
import { authFile } from "./accounts";

/** A page in a fresh browser context signed in as the given demo account. */
export async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(email) });
  return context.newPage();
}

/** axe's findings on the page, one line each ("id: help (targets)"); empty when it passes. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(" | ")})`,
  );
}

export async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base;
export { expect };
