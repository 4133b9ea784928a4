import fs from "node:fs";
import { test, expect, pageAs, expectNoAxeViolations } from "./fixtures";
import { PEOPLE } from "./accounts";

const DETAILS = /^Details of event \d+$/;
const HEADER =
  "id,at,siteCode,actorEmail,actorName,action,actionLabel,objectType,objectId,objectLabel,reason,ip,before,after,hash";

test("the auditor filters the trail to sign-ins, finds their own and opens it", async ({ browser }) => {
  const page = await pageAs(browser, PEOPLE.auditor);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Action").selectOption("auth.login");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]action=auth\.login(&|$)/);
  const events = page.locator("tbody").filter({ has: page.getByRole("button", { name: DETAILS }) });
  await expect(events.first()).toBeVisible();
  // The action reads in words; its code stays in the tooltip.
  const actions = await events.locator("td:nth-child(4)").allInnerTexts();
  expect(new Set(actions.map((a) => a.trim()))).toEqual(new Set(["Signed in"]));
  const codes = await events
    .locator("td:nth-child(4) span[title]")
    .evaluateAll((els) => els.map((el) => el.getAttribute("title")));
  expect(new Set(codes)).toEqual(new Set(["auth.login"]));

  const mine = events.filter({ hasText: PEOPLE.auditor }).first();
  await expect(mine).toBeVisible();
  await expect(mine.locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
  const toggle = mine.getByRole("button", { name: DETAILS });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(mine.getByText("Client address")).toBeVisible();
  await expect(mine.getByText("Chain hash")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the auditor exports the filtered trail as CSV, and the export is itself in the trail", async ({
  browser,
}) => {
  const page = await pageAs(browser, PEOPLE.auditor);
  await page.goto("/audit?action=auth.login");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  await expect(page.getByText(/CSV saved \(\d+ KB\)/)).toBeVisible();
  expect(download.suggestedFilename()).toMatch(/^interlock-audit-\d{8}T\d{6}Z\.csv$/);
  const lines = fs
    .readFileSync((await download.path())!, "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(HEADER);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((l) => l.includes(",auth.login,Signed in,"))).toBe(true);
  expect(lines.some((l) => l.includes(PEOPLE.auditor))).toBe(true);

  await page.goto("/audit?action=audit.export");
  const exportEvent = page.locator("tbody").filter({ hasText: PEOPLE.auditor }).first();
  await exportEvent.getByRole("button", { name: DETAILS }).click();
  await expect(exportEvent.getByRole("table", { name: /^Values recorded of event/ })).toContainText(
    '"action":"auth.login"',
  );
});

test("the auditor verifies the trail and its checkpoints", async ({ browser }) => {
  const page = await pageAs(browser, PEOPLE.auditor);
  await page.goto("/audit");
  await page.getByRole("link", { name: "Verify the trail" }).click();
  await expect(page.getByRole("heading", { name: "Verify the audit trail" })).toBeVisible();
  await page.getByRole("button", { name: "Seal the head now" }).click();
  await expect(page.getByText(/Checkpoint #\d+ seals event #\d+/)).toBeVisible();
  const status = page.locator("#verify-status");
  await expect(status).toContainText("Not verified");
  await page.getByRole("button", { name: "Verify the whole trail" }).click();
  await expect(status.getByText("Intact")).toBeVisible();
  await expect(status).toContainText(/Events checked\s*[\d,]+/);
  await expect(status).toContainText(/Checkpoints checked\s*[1-9]/);
  await expect(status).toContainText("Every event of the whole trail matches its hash");
  await expectNoAxeViolations(page);
});

test("the trail is not there for a requester, in the portal or the API", async ({ browser }) => {
  const page = await pageAs(browser, PEOPLE.gcrRequester);
  await page.goto("/audit");
  // Told which role opens the page (issue 12), and shown none of the trail.
  await expect(page.getByTestId("role-required")).toContainText("It opens to an auditor");
  await expect(page.locator("tbody tr")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Audit trail" })).toHaveCount(0);
  const api = await page.request.get("/api/v1/audit");
  expect(api.status()).toBe(403);
  expect(api.headers()["content-type"]).toBe("application/problem+json");
});

test("a site filter shows that plant's clock and bad dates are explained", async ({ browser }) => {
  const page = await pageAs(browser, PEOPLE.auditor);
  await page.goto("/audit?site=RHP");
  await expect(
    page.getByText(/Times and days are in Europe\/Berlin \(CES?T\), the site's zone/),
  ).toBeVisible();
  const times = await page.locator("tbody time").allInnerTexts();
  expect(times.length).toBeGreaterThan(0);
  for (const t of times) expect(t).toMatch(/ CES?T$/);
  await page.goto("/audit?from=2026-02-31");
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be applied" })).toContainText(
    "From is not a valid date.",
  );
  await expectNoAxeViolations(page);
});
