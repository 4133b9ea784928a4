import type { Browser, Page } from "@playwright/test";
import { AUDIT_ACTIONS } from "../lib/audit/actions";
import {
  ASSET_KINDS,
  CHANGE_STATES,
  CHANGE_TYPES,
  CRITICALITIES,
  EXPOSURES,
  GATE_REASON_CODES,
  OUTCOMES,
  SIGNOFF_ROLES,
  SITE_ROLES,
} from "../lib/domain/constants";
import { PEOPLE } from "./accounts";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

// Every main page, as the role that uses it, at 1280 and 820 px: no developer wording (codes, ISO
// instants, `cli:` actors), no console error or Content-Security-Policy violation, no axe
// violation. Each page is also screenshotted (test-results/screens/) for people to look at.

/** Codes that cannot be mistaken for words: those with an underscore or a dot. */
const CODES = [
  ...AUDIT_ACTIONS,
  ...ASSET_KINDS,
  ...CHANGE_STATES,
  ...CHANGE_TYPES,
  ...CRITICALITIES,
  ...EXPOSURES,
  ...GATE_REASON_CODES,
  ...OUTCOMES,
  ...SIGNOFF_ROLES,
  ...SITE_ROLES,
].filter((c) => /[_.]/.test(c));
const CODE = new RegExp(`(?<![\\w@/.-])(${CODES.map((c) => c.replace(/\./g, "\\.")).join("|")})(?![\\w-])`);
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CLI_ACTOR = /\bcli:/;

interface MainPage {
  name: string;
  as: string;
  path: string | ((page: Page) => Promise<string>);
}

/** The first item of an API list, or null when it is empty. */
async function firstId(page: Page, path: string): Promise<string | null> {
  const res = await page.request.get(path);
  expect(res.ok(), path).toBe(true);
  const body = (await res.json()) as { items: { id: string }[] };
  return body.items[0]?.id ?? null;
}

const byId = (list: string, base: string, fallback: string) => async (page: Page) => {
  const id = await firstId(page, list);
  return id ? `${base}/${id}` : fallback;
};

const PAGES: MainPage[] = [
  { name: "dashboard-requester", as: PEOPLE.gcrRequester, path: "/" },
  { name: "changes", as: PEOPLE.gcrRequester, path: "/changes" },
  { name: "change", as: PEOPLE.gcrRequester, path: byId("/api/v1/changes?limit=1", "/changes", "/changes") },
  { name: "change-new", as: PEOPLE.gcrRequester, path: "/changes/new" },
  { name: "approvals", as: PEOPLE.gcrOperations, path: "/approvals" },
  { name: "dashboard-manager", as: PEOPLE.gcrChangeManager, path: "/" },
  { name: "calendar-month", as: PEOPLE.gcrChangeManager, path: "/calendar" },
  { name: "calendar-week", as: PEOPLE.gcrChangeManager, path: "/calendar?view=week" },
  { name: "calendar-timeline", as: PEOPLE.gcrChangeManager, path: "/calendar?view=timeline" },
  { name: "schedule", as: PEOPLE.gcrChangeManager, path: "/schedule" },
  { name: "assets", as: PEOPLE.gcrRequester, path: "/assets" },
  { name: "asset", as: PEOPLE.gcrRequester, path: byId("/api/v1/assets?limit=1", "/assets", "/assets") },
  { name: "advisories", as: PEOPLE.gcrSecurity, path: "/advisories" },
  { name: "audit", as: PEOPLE.auditor, path: "/audit" },
  { name: "audit-verify", as: PEOPLE.auditor, path: "/audit/verify" },
  { name: "compliance", as: PEOPLE.auditor, path: "/compliance" },
  { name: "admin", as: PEOPLE.admin, path: "/admin" },
  { name: "admin-audit", as: PEOPLE.admin, path: "/audit" },
  { name: "profile", as: PEOPLE.rhpRequester, path: "/profile" },
];

async function openWatched(browser: Browser, email: string | null) {
  const page = email ? await pageAs(browser, email) : await (await browser.newContext()).newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400 && !r.url().includes("/api/")) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { page, problems };
}

async function check(page: Page, problems: string[], name: string, width: number) {
  await page.setViewportSize({ width, height: 900 });
  await page.waitForLoadState("networkidle");
  const text = await page.locator("body").innerText();
  expect(text.match(CODE)?.[0], `${name}: a raw code on the page`).toBeUndefined();
  expect(text.match(ISO_INSTANT)?.[0], `${name}: an ISO instant on the page`).toBeUndefined();
  expect(text.match(CLI_ACTOR)?.[0], `${name}: a cli: actor on the page`).toBeUndefined();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath(`../screens/${name}-${width}.png`), fullPage: true });
  await expectNoAxeViolations(page);
  expect(problems, `${name}: console errors or CSP violations`).toEqual([]);
}

test("the sign-in page speaks plainly and logs nothing", async ({ browser }) => {
  const { page, problems } = await openWatched(browser, null);
  await page.goto("/login");
  for (const width of [1280, 820]) await check(page, problems, "login", width);
});

for (const p of PAGES) {
  test(`${p.name}: plain words, no console error, axe-clean at 1280 and 820 px`, async ({ browser }) => {
    const { page, problems } = await openWatched(browser, p.as);
    const path = typeof p.path === "string" ? p.path : await p.path(page);
    await page.goto(path);
    for (const width of [1280, 820]) await check(page, problems, p.name, width);
  });
}
