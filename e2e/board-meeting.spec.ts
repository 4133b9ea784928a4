import type { Browser, Page, TestInfo } from "@playwright/test";
import { PDFParse } from "pdf-parse";
import fs from "node:fs";
import { DEMO_PASSWORD, PEOPLE } from "./accounts";
import { gcrLocal, minutesFromNow } from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import {
  api,
  as,
  blackedOut,
  copyDemoAssets,
  createOwnArea,
  occurrences,
  openWindow,
  uniqueSuffix,
} from "./own-data";

// Issue 15 item 2: a board meeting from agenda to minutes. The spec decides only the changes it
// files itself (on a copy of the demo SIS in an area of its own), so the other changes awaiting the
// refinery's board, the demo's or other specs', may be on the agenda without moving its expectations.

interface ApiChange {
  id: string;
  number: string;
}

const HOUR = 3_600_000;

/** A submitted high-risk change on the area's SIS copy (the change board must sign), from `start`. */
async function highRiskChange(page: Page, baseURL: string, assetId: string, title: string, start: Date) {
  const change = await api<ApiChange>(page, baseURL, "POST", "/api/v1/changes", {
    type: "firmware_update",
    class: "normal",
    title,
    description: "Load the vendor's firmware on the safety controller.",
    justification: "Vendor advisory for the installed firmware.",
    references: ["ICSA-24-123-01"],
    assetIds: [assetId],
    implementationPlan: "Bypass per procedure, load firmware, proof test, remove bypass.",
    backoutPlan: "Reload the previous firmware image.",
    testedOnTestBench: false,
    vendorQualified: true,
    safetyImpact: "yes",
    productionImpact: "outage",
    expectedDowntimeMinutes: 240,
    plannedStart: start.toISOString(),
    plannedEnd: new Date(start.getTime() + 4 * HOUR).toISOString(),
    implementerEmail: PEOPLE.gcrTechnician,
  });
  await api(page, baseURL, "POST", `/api/v1/changes/${change.id}/submit`);
  return change;
}

/** axe at both widths, with a full-page screenshot of each for the report. */
async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 820]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function pdfText(path: string): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(fs.readFileSync(path)) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

/**
 * Three changes in an area of its own, each in a four-hour slot of the area's own maintenance
 * window that no site-wide blackout covers (the demo calendar's freezes may move).
 */
async function ownChanges(browser: Browser, baseURL: string, suffix: string) {
  const area = await createOwnArea(browser, baseURL, "GCR", "Board e2e");
  const { "SIS-CDU-TRI01": sis } = await copyDemoAssets(browser, baseURL, area, ["SIS-CDU-TRI01"]);
  // A daily six-hour window (10:00–16:00 CST) from a week ahead; each change takes four hours of one.
  const from = new Date(Math.ceil((Date.now() + 7 * 24 * HOUR) / (24 * HOUR)) * 24 * HOUR + 16 * HOUR);
  const to = new Date(from.getTime() + 60 * 24 * HOUR);
  await openWindow(browser, baseURL, area, {
    title: `Board e2e window ${suffix}`,
    start: gcrLocal(from),
    durationMinutes: 6 * 60,
    rrule: "FREQ=DAILY;COUNT=60",
  });
  const list = await as(browser, PEOPLE.gcrChangeManager, (page) =>
    occurrences(page, baseURL, "GCR", from, to),
  );
  const slots: Date[] = [];
  for (const o of list) {
    if (slots.length === 3) break;
    if (o.kind !== "maintenance" || !o.areaCodes.includes(area.code)) continue;
    const start = new Date(new Date(o.start).getTime() + HOUR);
    if (!blackedOut(list, area, start, new Date(start.getTime() + 4 * HOUR))) slots.push(start);
  }
  expect(slots, "three unblocked slots in the next two months").toHaveLength(3);
  // Filed out of planned-start order: the agenda puts the soonest first.
  return as(browser, PEOPLE.gcrRequester, async (dana) => ({
    later: await highRiskChange(dana, baseURL, sis!.id, `Board e2e ${suffix}: SIS firmware`, slots[1]!),
    sooner: await highRiskChange(dana, baseURL, sis!.id, `Board e2e ${suffix}: SIS bypass`, slots[0]!),
    last: await highRiskChange(dana, baseURL, sis!.id, `Board e2e ${suffix}: SIS network`, slots[2]!),
  }));
}

test("a change manager schedules a board meeting, decides its agenda with the board's sign-off, and prints and downloads the minutes", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(300_000);
  const suffix = uniqueSuffix();
  const { sooner, later, last } = await ownChanges(browser, baseURL!, suffix);
  const title = `Change board ${suffix}`;

  // Schedule: a fortnightly series starting in a few minutes (in session: it opens 30 minutes early).
  const elena = await pageAs(browser, PEOPLE.gcrChangeManager);
  await elena.goto("/board");
  await expect(elena.getByRole("heading", { name: "Change board", level: 1 })).toBeVisible();
  const form = elena.getByRole("form", { name: "Schedule a board meeting" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel(/^Starts/).fill(gcrLocal(minutesFromNow(5)));
  await form.getByLabel("Repeats").selectOption("weekly");
  await form.getByLabel("Every (weeks)").fill("2");
  await form.getByLabel("Meetings").fill("3");
  await expect(form.getByTestId("series-preview")).toHaveText(/^Every 2 weeks on \w+day .+ C[SD]T, 3 times$/);
  await checkPage(elena, testInfo, "board");
  await form.getByRole("button", { name: "Schedule meeting" }).click();
  await elena.waitForURL(/\/board\/[0-9a-f-]{36}$/);
  const meetingUrl = elena.url();
  await expect(elena.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  // The agenda: its own three changes, soonest planned start first, with risk and what else is missing.
  const agenda = elena.getByRole("list", { name: "Agenda items" });
  const items = agenda.getByTestId("agenda-item").filter({ hasText: `Board e2e ${suffix}` });
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText(sooner.number);
  await expect(items.nth(1)).toContainText(later.number);
  await expect(items.nth(2)).toContainText(last.number);
  for (const i of [0, 1, 2]) {
    await expect(items.nth(i)).toContainText(/High risk|Critical risk/);
    await expect(items.nth(i)).toContainText(/Also missing: .*Safety/);
  }
  // Approve and reject sign for the board and name the attendees: closed until the roll call.
  const item = (n: ApiChange) => agenda.getByTestId("agenda-item").filter({ hasText: n.number });
  await expect(item(sooner).getByRole("option", { name: "Approve" })).toBeDisabled();
  await elena
    .getByRole("textbox", { name: /Attendees/ })
    .fill("Elena Brooks\nMarcus Hale\nPriya Natarajan\nVendor engineer (guest)");
  await elena.getByRole("button", { name: "Save attendees" }).click();
  await expect(elena.getByText("Minutes saved.")).toBeVisible();
  await expect(item(sooner).getByRole("option", { name: "Approve" })).toBeEnabled();
  await checkPage(elena, testInfo, "meeting-open");

  // A board member sees the agenda but only the chair decides.
  await as(browser, PEOPLE.gcrBoardMember, async (victor) => {
    await victor.goto(meetingUrl);
    await expect(victor.getByText(/Only the chair \(Elena Brooks\) records decisions/)).toBeVisible();
    await expect(victor.getByRole("button", { name: "Record" })).toHaveCount(0);
    await expect(
      victor.getByText("Elena Brooks, Marcus Hale, Priya Natarajan, Vendor engineer (guest)"),
    ).toBeVisible();
    await checkPage(victor, testInfo, "meeting-board-member");
  });

  // Decide each item: approve (signs), reject with a reason (signs), defer with a reason.
  const decide = async (c: ApiChange, decision: "Approve" | "Reject" | "Defer", reason: string) => {
    const f = elena.getByRole("form", { name: `Decision on ${c.number}` });
    await f.getByLabel("Decision").selectOption({ label: decision });
    await f.getByLabel(decision === "Approve" ? "Comment (optional)" : "Reason").fill(reason);
    if (decision !== "Defer") await f.getByLabel(/Your password/).fill(DEMO_PASSWORD);
    await f.getByRole("button", { name: "Record" }).click();
    await expect(elena.getByTestId("decision-row").filter({ hasText: c.number })).toBeVisible();
  };
  // A wrong password signs nothing and says so on the item.
  const first = elena.getByRole("form", { name: `Decision on ${sooner.number}` });
  await first.getByLabel(/Your password/).fill("not-the-password");
  await first.getByRole("button", { name: "Record" }).click();
  await expect(first.getByText("Wrong password.")).toBeVisible();
  await expect(elena.getByTestId("decision-row").filter({ hasText: sooner.number })).toHaveCount(0);

  await decide(sooner, "Approve", "Bypass procedure reviewed");
  await decide(later, "Reject", "Not tested on the bench");
  await decide(last, "Defer", "Wait for the turnaround plan");
  const decisions = elena.getByRole("table", { name: "Decisions" });
  await expect(decisions.getByRole("row", { name: new RegExp(sooner.number) })).toContainText("Approved");
  await expect(decisions.getByRole("row", { name: new RegExp(sooner.number) })).toContainText(
    "Approved as change board chair",
  );
  await expect(decisions.getByRole("row", { name: new RegExp(later.number) })).toContainText("Rejected");
  await expect(decisions.getByRole("row", { name: new RegExp(last.number) })).toContainText(
    "None (deferred)",
  );
  await expect(items).toHaveCount(0);

  // Notes, then close: the minutes are final.
  await elena.getByRole("textbox", { name: "Notes" }).fill("SIS bypass approved for the proof test window.");
  await elena.getByRole("button", { name: "Save notes" }).click();
  await expect(elena.getByText("Minutes saved.")).toBeVisible();
  await elena.getByRole("button", { name: "Close minutes" }).click();
  await expect(elena.getByText("Minutes closed", { exact: true })).toBeVisible();
  await expect(elena.getByRole("button", { name: "Record" })).toHaveCount(0);
  await checkPage(elena, testInfo, "meeting-closed");

  // The change shows the board's sign-off with the meeting and attendees in its comment.
  await elena.goto(`/changes/${sooner.id}?tab=signoffs`);
  await expect(
    elena.getByText(/Board meeting "Change board .+attendees: Elena Brooks, Marcus Hale/),
  ).toBeVisible();

  // The printable minutes and the PDF.
  await elena.goto(meetingUrl);
  await elena.getByRole("link", { name: "Printable minutes" }).click();
  const minutes = elena.getByTestId("minutes");
  await expect(minutes.getByRole("heading", { name: title })).toBeVisible();
  await expect(minutes).toContainText("Chair: Elena Brooks");
  await expect(minutes.getByRole("list")).toContainText("Vendor engineer (guest)");
  await expect(minutes).toContainText("Not tested on the bench");
  await expect(minutes).toContainText("Wait for the turnaround plan");
  await expect(minutes).toContainText("SIS bypass approved for the proof test window.");
  await checkPage(elena, testInfo, "minutes");

  await elena.goto(meetingUrl);
  const [download] = await Promise.all([
    elena.waitForEvent("download"),
    elena.getByRole("link", { name: "Minutes PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^board-minutes-GCR-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = await pdfText(await download.path());
  for (const expected of [
    title,
    "Chair: Elena Brooks",
    "Elena Brooks, Marcus Hale, Priya Natarajan, Vendor engineer (guest)",
    `${sooner.number} Board e2e ${suffix}: SIS bypass: Approved`,
    "Bypass procedure reviewed",
    `${later.number} Board e2e ${suffix}: SIS firmware: Rejected`,
    "Not tested on the bench",
    `${last.number} Board e2e ${suffix}: SIS network: Deferred`,
    "Wait for the turnaround plan",
    "by Elena Brooks",
  ])
    expect(text).toContain(expected);
  await elena.context().close();
});
