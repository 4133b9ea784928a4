import { DateTime } from "luxon";
import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, PEOPLE } from "./accounts";
import { pageAs } from "./fixtures";

export const GCR_ZONE = "America/Chicago";

/** "YYYY-MM-DDTHH:mm" in the refinery's zone, for datetime-local inputs. */
export function gcrLocal(at: Date): string {
  return DateTime.fromJSDate(at, { zone: GCR_ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000);

export interface DraftSpec {
  title: string;
  type: string;
  cls: "standard" | "normal" | "emergency";
  assetSearch: string;
  assetTag: string;
  start: Date;
  end: Date;
  downtime?: number;
  productionImpact?: "none" | "degraded" | "outage";
  tested?: boolean;
  references?: string;
}

/** Fills the change form as a requester would (no save). */
export async function fillChangeForm(page: Page, d: DraftSpec): Promise<void> {
  await page.goto("/changes/new");
  await expect(page.getByRole("heading", { name: "New change" })).toBeVisible();
  await page.getByLabel("Title").fill(d.title);
  await page.getByLabel("Type", { exact: true }).selectOption(d.type);
  await page.getByLabel("Class", { exact: true }).selectOption(d.cls);
  await page.getByLabel("Description").fill(`${d.title}: description written by the e2e test.`);
  await page
    .getByLabel("Justification / technical basis")
    .fill("Vendor advisory; the installed version has a known vulnerability.");
  if (d.references) await page.getByLabel("References").fill(d.references);
  const search = page.getByRole("combobox", { name: "Search the inventory" });
  await search.fill(d.assetSearch);
  await page.getByRole("option", { name: new RegExp(`^${d.assetTag} `) }).click();
  await expect(page.getByRole("list", { name: "Affected assets" })).toContainText(d.assetTag);
  await page
    .getByLabel("Implementation plan")
    .fill("1. Put the controller in program mode. 2. Load the new firmware. 3. Verify.");
  await page
    .getByLabel("Backout plan")
    .fill("Reload the previous firmware image from the engineering workstation.");
  if (d.tested !== false) {
    await page.getByLabel("Tested on a test bench").check();
    await page.getByLabel("Vendor-qualified").check();
  }
  await page.getByLabel("Expected downtime (minutes)").fill(String(d.downtime ?? 0));
  await page.getByLabel("Production impact").selectOption(d.productionImpact ?? "none");
  await page.getByLabel(/^Planned start/).fill(gcrLocal(d.start));
  await page.getByLabel(/^Planned end/).fill(gcrLocal(d.end));
  await page.getByLabel(/^Implementer's email/).fill(PEOPLE.gcrRequester);
}

/** Saves the filled form; returns the new change's id and number. */
export async function saveDraft(page: Page): Promise<{ id: string; number: string }> {
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;
  const number = (await page.locator("p.font-mono").first().textContent())!.trim();
  expect(number).toMatch(/^CHG-\d{4}-\d{5}$/);
  return { id, number };
}

export async function expectState(page: Page, label: string): Promise<void> {
  await expect(page.getByTestId("header-badges")).toContainText(label);
}

export async function submit(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Submit for approval" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Submit", exact: true }).click();
  // A refused submit keeps the dialog open with an alert: fail with the refusal's words, not a timeout.
  const refusal = dialog.getByRole("alert");
  await Promise.race([
    dialog.waitFor({ state: "hidden" }),
    refusal.waitFor({ state: "visible" }).catch(() => undefined),
  ]);
  if (await refusal.isVisible()) throw new Error(`Submit refused: ${await refusal.innerText()}`);
  await expect(dialog).toBeHidden();
  await expectState(page, "Submitted");
}

export interface SignSpec {
  decision?: "approve" | "reject";
  comment?: string;
  trigger?: string;
  /** Tick the acknowledgement a security approval of an unqualified patch or firmware needs. */
  acknowledge?: boolean;
  /** Run an axe scan with the dialog open. */
  axe?: (page: Page) => Promise<void>;
}

/** Opens the change as `email` in its own browser context and signs with the password. */
export async function signAs(
  browser: Browser,
  email: string,
  changeId: string,
  s: SignSpec = {},
): Promise<Page> {
  const page = await pageAs(browser, email);
  await page.goto(`/changes/${changeId}`);
  await page.getByRole("button", { name: s.trigger ?? "Sign", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("sign-meaning")).toBeVisible();
  if (s.decision === "reject") await dialog.getByRole("radio", { name: "Reject" }).check();
  if (s.comment) await dialog.getByLabel(/^Comment/).fill(s.comment);
  if (s.acknowledge)
    await dialog.getByLabel("I acknowledge that the vendor has not qualified this fix").check();
  await dialog.getByLabel("Password").fill(DEMO_PASSWORD);
  if (s.axe) await s.axe(page);
  await dialog
    .getByRole("button", { name: s.decision === "reject" ? "Reject and sign" : "Approve and sign" })
    .click();
  await expect(dialog).toBeHidden();
  return page;
}
