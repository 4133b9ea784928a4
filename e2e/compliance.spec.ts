import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { readZip } from "../test/integration/zip";
import { DEMO_PASSWORD, PEOPLE } from "./accounts";
import { minutesFromNow } from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import { api, copyDemoAssets, createOwnArea, openWindowAroundNow } from "./own-data";

interface ApiChange {
  id: string;
  number: string;
  version: number;
  contentHash: string;
  state: string;
}

/**
 * A normal change at GCR on a supporting asset (a copy of the PHD historian in an area of its
 * own), signed by operations and security and started, all through the API.
 */
async function startedChange(browser: Browser, baseURL: string, title: string): Promise<ApiChange> {
  const area = await createOwnArea(browser, baseURL, "GCR", "Compliance e2e");
  const { "HIS-GCR-PHD": asset } = await copyDemoAssets(browser, baseURL, area, ["HIS-GCR-PHD"]);
  await openWindowAroundNow(browser, baseURL, area, `Window for ${title}`);
  const requester = await pageAs(browser, PEOPLE.gcrRequester);
  let change = (await api(requester, baseURL, "POST", "/api/v1/changes", {
    type: "security_patch",
    class: "normal",
    title,
    description: "Apply the vendor's patch.",
    justification: "Closes a published vulnerability.",
    references: ["CVE-2024-12345"],
    assetIds: [asset!.id],
    implementationPlan: "Install, reboot, verify.",
    backoutPlan: "Uninstall the patch.",
    testedOnTestBench: true,
    vendorQualified: true,
    plannedStart: minutesFromNow(-30).toISOString(),
    plannedEnd: minutesFromNow(120).toISOString(),
    implementerEmail: PEOPLE.gcrRequester,
  })) as ApiChange;
  change = (await api(requester, baseURL, "POST", `/api/v1/changes/${change.id}/submit`)) as ApiChange;
  for (const [who, role] of [
    [PEOPLE.gcrOperations, "operations"],
    [PEOPLE.gcrSecurity, "security"],
  ] as const) {
    const signer = await pageAs(browser, who);
    change = (await api(signer, baseURL, "POST", `/api/v1/changes/${change.id}/signoffs`, {
      role,
      siteCode: role === "operations" ? "GCR" : undefined,
      decision: "approve",
      password: DEMO_PASSWORD,
      contentHash: change.contentHash,
      comment: "Reviewed for the compliance journey",
    })) as ApiChange;
    await signer.context().close();
  }
  expect(change.state).toBe("approved");
  change = (await api(requester, baseURL, "POST", `/api/v1/changes/${change.id}/start`)) as ApiChange;
  await requester.context().close();
  return change;
}

async function axeAtBothWidths(page: Page) {
  for (const width of [1280, 820]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an auditor opens the record and its PDF, follows a dashboard figure to its changes and downloads the evidence pack", async ({
  browser,
  baseURL,
}, testInfo) => {
  // Sets up its own area, asset and window, then a whole change through the API: more than the default.
  test.setTimeout(180_000);
  const change = await startedChange(browser, baseURL!, `Compliance journey ${Date.now()}`);
  const page = await pageAs(browser, PEOPLE.auditor);

  // The change record, printable and as a PDF.
  await page.goto(`/changes/${change.id}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(change.number);
  await axeAtBothWidths(page);
  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Record as PDF" }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`${change.number}-record.pdf`);
  expect(
    fs
      .readFileSync((await pdf.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe("%PDF-");

  // The dashboard for GCR: the started change counts, with every sign-off.
  await page.goto("/compliance?site=GCR");
  await expect(page.getByRole("heading", { name: "Compliance", level: 1 })).toBeVisible();
  await expect(page.getByTestId("started-summary")).toContainText("started with every required sign-off");
  await page.screenshot({ path: testInfo.outputPath("compliance-1280.png"), fullPage: true });
  await page.setViewportSize({ width: 820, height: 900 });
  await page.screenshot({ path: testInfo.outputPath("compliance-820.png"), fullPage: true });
  await axeAtBothWidths(page);

  await page.getByTestId("started-summary").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/compliance\/changes\?.*figure=started\.with/);
  await expect(
    page.getByRole("heading", { name: "Started with every required sign-off", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: change.number })).toBeVisible();
  await axeAtBothWidths(page);

  // The evidence pack: a ZIP whose manifest lists the change's record.
  await page.goto("/compliance?site=GCR");
  const zipDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download evidence pack" }).click();
  const zip = await zipDownload;
  expect(zip.suggestedFilename()).toMatch(
    /^interlock-evidence-GCR-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.zip$/,
  );
  const files = await readZip(fs.readFileSync((await zip.path())!));
  const manifest = JSON.parse(files.get("manifest.json")!.toString()) as { files: { path: string }[] };
  expect(manifest.files.map((f) => f.path)).toEqual(
    expect.arrayContaining([`records/${change.number}.pdf`, "audit/events.csv", "compliance/figures.csv"]),
  );
});

test("the dashboard refuses a reversed period in words, and is not there for a requester", async ({
  browser,
}) => {
  const page = await pageAs(browser, PEOPLE.auditor);
  await page.goto("/compliance?from=2026-03-01&to=2026-02-01");
  await expect(page.getByText("The period ends before it starts")).toHaveCount(2);
  await expectNoAxeViolations(page);
  const requester = await pageAs(browser, PEOPLE.gcrRequester);
  await requester.goto("/compliance");
  // Told which role opens the page (issue 12), and shown none of its figures.
  await expect(requester.getByTestId("role-required")).toContainText("It opens to");
  await expect(requester.getByRole("table")).toHaveCount(0);
});
