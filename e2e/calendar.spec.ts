import fs from "node:fs";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import type { Page } from "@playwright/test";
import { test, expect, pageAs, expectNoAxeViolations } from "./fixtures";
import { PEOPLE } from "./accounts";
import { submit } from "./changes-helpers";
import {
  as,
  blackedOut,
  copyDemoAssets,
  createOwnArea,
  occurrences,
  type OwnArea,
  type OwnAsset,
} from "./own-data";
import { createWindow } from "./schedule-helpers";

const ZONE = "America/Chicago";
const today = DateTime.now().setZone(ZONE).startOf("day");
const iso = (d: DateTime) => d.toISODate()!;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const dayLabel = (d: DateTime) => d.toFormat("ccc d LLL yyyy", { locale: "en-GB" });
/** "CST" or "CDT" on that day at 01:00, for expectations that hold in any season. */
const abbr = (d: DateTime) => d.set({ hour: 1 }).toFormat("ZZZZ", { locale: "en-US" });

const WINDOW = "Own area Sunday window (calendar e2e)";
const BLACKOUT = "Own area freeze (calendar e2e)";
const LATE_BLACKOUT = "Own area late freeze (calendar e2e)";
const CHANGE = "Tank gauging gateway firmware (calendar e2e)";

// This spec's own area and its copy of the tank gauging gateway; set up once for the serial run.
let area: OwnArea;
let gateway: OwnAsset;
/** The first of two Sundays a week apart, in the coming weeks, that no blackout of the site touches. */
let firstSunday: DateTime;
let blackoutSunday: DateTime;

test.beforeAll(async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL!;
  area = await createOwnArea(browser, baseURL, "GCR", "Calendar e2e");
  gateway = (await copyDemoAssets(browser, baseURL, area, ["PLC-TF-TGW"]))["PLC-TF-TGW"]!;
  // The assistant looks 90 days ahead from today, so this spec plans in the coming weeks, on
  // Sundays that the demo plant's own freezes (or another spec's) leave free.
  const horizon = today.plus({ days: 80 });
  const list = await as(browser, PEOPLE.gcrRequester, (page) =>
    occurrences(page, baseURL, "GCR", today.toJSDate(), horizon.toJSDate()),
  );
  let sunday = today.plus({ days: 14 }).startOf("week").plus({ days: 6 });
  while (blackedOut(list, area, sunday.minus({ days: 1 }).toJSDate(), sunday.plus({ days: 8 }).toJSDate())) {
    sunday = sunday.plus({ days: 7 });
    expect(sunday < horizon.minus({ days: 14 }), "two free Sundays at GCR in the coming weeks").toBe(true);
  }
  firstSunday = sunday;
  blackoutSunday = sunday.plus({ days: 7 });
});

async function calendar(page: Page, view: "month" | "week" | "timeline", date: DateTime, extra = "") {
  await page.goto(`/calendar?site=GCR&view=${view}&date=${iso(date)}${extra}`);
  await expect(page.getByRole("heading", { name: "Change calendar", level: 1 })).toBeVisible();
}

test.describe.configure({ mode: "serial" });

test("a window and a blackout show in the month view in site time; details open in a dialog", async ({
  browser,
}) => {
  // A whole journey through several forms; on a busy machine it needs more than the default minute.
  test.slow();
  const manager = await pageAs(browser, PEOPLE.gcrChangeManager);
  await createWindow(manager, {
    site: "GCR",
    kind: "maintenance",
    title: WINDOW,
    areas: [area.code],
    startDate: iso(firstSunday),
    startTime: "01:00",
    hours: 4,
    weekly: { days: ["Sunday"], until: iso(firstSunday.plus({ days: 21 })) },
  });
  await createWindow(manager, {
    site: "GCR",
    kind: "blackout",
    title: BLACKOUT,
    areas: [area.code],
    startDate: iso(blackoutSunday),
    startTime: "00:00",
    hours: 24,
  });

  const page = await pageAs(browser, PEOPLE.gcrRequester);
  await calendar(page, "month", blackoutSunday);
  await expect(page.getByText(/^Times in America\/Chicago: C[SD]T \(UTC−0[56]:00\)/)).toBeVisible();
  const grid = page.getByRole("table", { name: /Times in America\/Chicago/ });
  await expect(grid.getByRole("columnheader")).toHaveCount(7);
  const blackoutDay = grid.getByRole("list", { name: `${dayLabel(blackoutSunday)} schedule` });
  await expect(
    blackoutDay.getByRole("button", { name: new RegExp(`^00:00 ${esc(BLACKOUT)}, Blackout`) }),
  ).toBeVisible();
  const windowChip = blackoutDay.getByRole("button", {
    name: new RegExp(
      `^01:00 ${esc(WINDOW)}, Maintenance window, ${esc(dayLabel(blackoutSunday))} 01:00–05:00 ${abbr(blackoutSunday)}$`,
    ),
  });
  await expect(windowChip).toBeVisible();
  await expectNoAxeViolations(page);

  // The window's details open in a dialog in site time; a requester gets no manager controls.
  await windowChip.click();
  const details = page.getByRole("dialog", { name: WINDOW });
  await expect(details).toContainText(`${dayLabel(blackoutSunday)} 01:00–05:00 ${abbr(blackoutSunday)}`);
  await expect(details).toContainText(area.label);
  await expect(details.getByRole("button", { name: "Cancel this occurrence" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(details).toBeHidden();

  // A change manager gets the controls in the same dialog.
  await calendar(manager, "week", blackoutSunday);
  await manager
    .getByRole("region", { name: dayLabel(blackoutSunday) })
    .getByRole("button", { name: new RegExp(esc(WINDOW)) })
    .click();
  await expect(
    manager.getByRole("dialog", { name: WINDOW }).getByRole("button", { name: "Cancel this occurrence" }),
  ).toBeVisible();
});

test("week and timeline views place the same items by time and area; navigation works from the keyboard", async ({
  browser,
}) => {
  const page = await pageAs(browser, PEOPLE.gcrRequester);
  await calendar(page, "week", blackoutSunday);
  const sunday = page.getByRole("region", { name: dayLabel(blackoutSunday) });
  await expect(sunday.getByRole("list", { name: `${dayLabel(blackoutSunday)}, all day` })).toContainText(
    BLACKOUT,
  );
  await expect(sunday.getByRole("list", { name: `${dayLabel(blackoutSunday)}, by time` })).toContainText(
    `01:00–05:00 ${WINDOW}`,
  );
  await expectNoAxeViolations(page);

  await calendar(page, "timeline", blackoutSunday, `&area=${area.code}`);
  const areaRow = page.getByRole("region", { name: area.label });
  await expect(areaRow.getByRole("button", { name: new RegExp(esc(BLACKOUT)) })).toBeVisible();
  await expect(areaRow.getByRole("button", { name: new RegExp(esc(WINDOW)) })).toBeVisible();
  await expect(page.getByRole("region", { name: "CDU · Crude distillation unit" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Keyboard: an item opens with Enter and gives focus back on Escape; the period moves with Enter.
  const blackoutBar = areaRow.getByRole("button", { name: new RegExp(esc(BLACKOUT)) });
  await blackoutBar.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: BLACKOUT })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(blackoutBar).toBeFocused();
  await page.getByRole("link", { name: "Next week" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`date=${iso(blackoutSunday.plus({ days: 1 }))}`));
  await page.getByRole("link", { name: "Today" }).click();
  await expect(page).toHaveURL(new RegExp(`date=${iso(today)}`));
});

test("a requester sees the blackout conflict while planning, submits a clean slot, and the calendar flags a later clash", async ({
  browser,
}) => {
  // A whole journey through several forms; on a busy machine it needs more than the default minute.
  test.slow();
  const page = await pageAs(browser, PEOPLE.gcrRequester);
  await page.goto("/changes/new");
  await page.getByLabel("Title").fill(CHANGE);
  await page
    .getByLabel("Description")
    .fill("Update the tank gauging gateway firmware to the vendor's fixed release.");
  await page
    .getByLabel("Justification / technical basis")
    .fill("Vendor advisory fixes a remote denial of service.");
  await page.getByLabel("Search the inventory").fill(gateway.tag);
  await page.getByRole("option", { name: new RegExp(`^${esc(gateway.tag)} `) }).click();
  await expect(page.getByRole("list", { name: "Affected assets" })).toContainText(gateway.tag);
  await page
    .getByLabel("Implementation plan")
    .fill("Back up the configuration, flash the firmware, verify gauging values.");
  await page
    .getByLabel("Backout plan")
    .fill("Flash the previous firmware and restore the configuration backup.");
  await page.getByLabel(/^Implementer's email/).fill(PEOPLE.gcrRequester);

  const assistant = page.getByTestId("slot-assistant");
  // Inside the window on the first Sunday: clean.
  await page.getByLabel(/^Planned start/).fill(`${iso(firstSunday)}T02:00`);
  await page.getByLabel(/^Planned end/).fill(`${iso(firstSunday)}T03:00`);
  await expect(assistant).toContainText("No conflicts");
  // Moved into the blackout a week later: the assistant names the blackout.
  await page.getByLabel(/^Planned start/).fill(`${iso(blackoutSunday)}T02:00`);
  await page.getByLabel(/^Planned end/).fill(`${iso(blackoutSunday)}T03:00`);
  const conflicts = assistant.getByRole("list", { name: "Conflicts of this slot" });
  await expect(conflicts).toContainText(BLACKOUT);
  // The assistant proposes conflict-free slots; the first one is taken.
  await assistant.getByRole("button", { name: "Suggest slots" }).click();
  const proposals = assistant.getByRole("list", { name: "Proposed slots" });
  await expect(proposals.getByRole("listitem").first()).toBeVisible();
  await proposals.getByRole("button", { name: "Use this slot" }).first().click();
  await expect(assistant).toContainText("No conflicts");
  const plannedStart = await page.getByLabel(/^Planned start/).inputValue();
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.waitForURL(/\/changes\/[0-9a-f-]{36}$/);
  const changeUrl = page.url();
  // Wait for the submit to finish (state shown) before leaving: a draft is not on the calendar.
  // A refusal fails here with its own words.
  await submit(page);

  // On the calendar the submitted change links to its page, with no conflict.
  const slotDay = DateTime.fromISO(plannedStart, { zone: ZONE });
  await calendar(page, "week", slotDay);
  const chip = page
    .getByRole("region", { name: /, week view$/ })
    .getByRole("link", { name: new RegExp(esc(CHANGE)) });
  await expect(chip).toBeVisible();
  await expect(chip).not.toContainText("Conflict");
  await expect(chip).toHaveAttribute("href", new URL(changeUrl).pathname);

  // A change manager then freezes that day; the calendar highlights the clash in words.
  const manager = await pageAs(browser, PEOPLE.gcrChangeManager);
  await createWindow(manager, {
    site: "GCR",
    kind: "blackout",
    title: LATE_BLACKOUT,
    areas: [area.code],
    startDate: iso(slotDay.startOf("day")),
    startTime: "00:00",
    hours: 24,
  });
  await calendar(page, "week", slotDay, "&state=submitted");
  await expect(chip).toContainText("Conflict");
  const list = page.getByRole("region", { name: /Scheduling conflicts in view/ });
  await expect(list.getByRole("listitem").filter({ hasText: CHANGE })).toContainText(LATE_BLACKOUT);
  await expectNoAxeViolations(page);
  await chip.click();
  await page.waitForURL(changeUrl);
});

test("the ICS feed downloads with the session and through the secret subscription URL, and parses", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const manager = await pageAs(browser, PEOPLE.gcrChangeManager);
  await manager.goto("/schedule?site=GCR");
  const download = manager.waitForEvent("download");
  await manager.getByRole("link", { name: "Download GCR.ics" }).click();
  const file = await download;
  const text = fs.readFileSync((await file.path())!, "utf8");
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
  const weekly = events.find((e) => e.getFirstPropertyValue("summary")?.toString().includes(WINDOW));
  expect(weekly, "the weekly window is in the feed").toBeTruthy();
  const rrule = weekly!.getFirstPropertyValue("rrule") as ICAL.Recur;
  expect(rrule.freq).toBe("WEEKLY");
  const dtstart = weekly!.getFirstProperty("dtstart")!;
  expect(dtstart.getParameter("tzid")).toBe(ZONE);
  expect((dtstart.getFirstValue() as ICAL.Time).toString()).toBe(`${iso(firstSunday)}T01:00:00`);

  await manager.getByRole("button", { name: "Create subscription URL" }).click();
  const url = await manager.getByLabel("Subscription URL for GCR", { exact: true }).inputValue();
  expect(url).toMatch(/\/api\/v1\/calendar\/GCR\.ics\?feed=/);
  await expectNoAxeViolations(manager);
  // A calendar client has no session: the secret in the URL is the only credential.
  const client = await playwright.request.newContext({ baseURL });
  const res = await client.get(url);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/calendar");
  const fromFeed = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents("vevent");
  expect(fromFeed.some((e) => e.getFirstPropertyValue("summary")?.toString().includes(WINDOW))).toBe(true);
  // Regenerating revokes the old URL.
  await manager.getByRole("button", { name: "Create another subscription URL" }).click();
  await expect(manager.getByLabel("Subscription URL for GCR", { exact: true })).not.toHaveValue(url);
  expect((await client.get(url)).status()).toBe(401);
  await client.dispose();
});
