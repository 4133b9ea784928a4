import type { Page } from "@playwright/test";
import { PEOPLE } from "./accounts";
import { minutesFromNow } from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

const DETAILS = /^Details of event \d+$/;

async function api(
  page: Page,
  baseURL: string,
  method: string,
  path: string,
  data?: unknown,
  ifMatch?: number,
) {
  const res = await page.request.fetch(path, {
    method,
    data,
    headers: {
      origin: baseURL,
      "content-type": "application/json",
      ...(ifMatch ? { "if-match": `"${ifMatch}"` } : {}),
    },
  });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return res.json() as Promise<{ id: string; number: string; version: number }>;
}

/** A draft change at GCR, created and then edited through the API: two events of its own. */
async function editedDraft(page: Page, baseURL: string, title: string) {
  const { items } = (await (await page.request.get("/api/v1/assets?site=GCR&limit=500")).json()) as {
    items: { id: string; criticality: string }[];
  };
  const asset = items.find((a) => a.criticality === "supporting")!;
  const created = await api(page, baseURL, "POST", "/api/v1/changes", {
    type: "configuration",
    class: "normal",
    title,
    description: "Raise the historian's buffer.",
    justification: "Data loss during network outages.",
    assetIds: [asset.id],
    implementationPlan: "Change the setting, restart the service.",
    backoutPlan: "Restore the old setting.",
    plannedStart: minutesFromNow(7 * 24 * 60).toISOString(),
    plannedEnd: minutesFromNow(7 * 24 * 60 + 60).toISOString(),
  });
  return api(
    page,
    baseURL,
    "PATCH",
    `/api/v1/changes/${created.id}`,
    { title: `${title} (edited)` },
    created.version,
  );
}

test("an auditor follows a change to its trail and filters the trail by its number", async ({
  browser,
  baseURL,
}) => {
  const requester = await pageAs(browser, PEOPLE.gcrRequester);
  const stamp = Date.now().toString(36);
  const change = await editedDraft(requester, baseURL!, `Trail filter ${stamp}`);
  const other = await editedDraft(requester, baseURL!, `Another change ${stamp}`);
  await requester.context().close();

  const page = await pageAs(browser, PEOPLE.auditor);
  // From the change page's history to its filtered trail.
  await page.goto(`/changes/${change.id}?tab=history`);
  await page.getByRole("link", { name: `Audit trail of ${change.number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?ref=${change.number}$`));
  await expect(page.getByLabel("Object")).toHaveValue(change.number);

  const rows = page.locator("tbody").filter({ has: page.getByRole("button", { name: DETAILS }) });
  const expectOnly = async (number: string) => {
    await expect(rows).toHaveCount(2);
    expect((await rows.locator("td:nth-child(5)").allInnerTexts()).map((t) => t.trim())).toEqual([
      `change ${number}`,
      `change ${number}`,
    ]);
    expect((await rows.locator("td:nth-child(4)").allInnerTexts()).map((t) => t.trim())).toEqual([
      "Change edited",
      "Change created",
    ]);
  };
  await expectOnly(change.number);
  await expect(page.getByText(other.number)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Typed into the filter form, the other change's number shows only that change.
  await page.getByLabel("Object").fill(other.number);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]ref=${other.number}(&|$)`));
  await expectOnly(other.number);
  await expect(page.getByText(change.number)).toHaveCount(0);

  // A number that names no change is explained, not an empty page or an error.
  await page.getByLabel("Object").fill("CHG-1999-99999");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be applied" })).toContainText(
    "CHG-1999-99999",
  );
  await expectNoAxeViolations(page);
});
