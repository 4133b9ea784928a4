import { DateTime } from "luxon";
import type { Page } from "@playwright/test";
import { PEOPLE } from "./accounts";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import { api, as, copyDemoAssets, createOwnArea, openWindow } from "./own-data";

// Issue 15 item 3: an approver delegates their signing authority; a change manager sees and ends it.
// The days start tomorrow, so the delegation lends nothing while the other specs run.
test("a safety approver delegates to a colleague, is refused for themselves, and the change manager sees and ends it", async ({
  browser,
}) => {
  const day = (offset: number) =>
    DateTime.now().setZone("America/Chicago").plus({ days: offset }).toISODate()!;
  const priya = await pageAs(browser, PEOPLE.gcrSafety);
  await priya.goto("/approvals");
  await priya.getByRole("link", { name: "Delegations" }).click();
  await expect(priya.getByRole("heading", { name: "Delegations", level: 1 })).toBeVisible();
  await expectNoAxeViolations(priya);

  const form = priya.getByRole("region", { name: "Delegate your signing authority" });
  await form.getByLabel("Authority").selectOption("GCR:safety");
  await form.getByLabel("Colleague's email").fill(PEOPLE.gcrSafety);
  await form.getByLabel(/First day/).fill(day(1));
  await form.getByLabel(/Last day/).fill(day(3));
  await form.getByRole("button", { name: "Delegate" }).click();
  await expect(form.getByText(/cannot delegate to yourself/).first()).toBeVisible();

  await form.getByLabel("Colleague's email").fill(PEOPLE.gcrRequester);
  await form.getByLabel("Reason (optional)").fill("Plant turnaround leave");
  await form.getByRole("button", { name: "Delegate" }).click();
  const current = priya.getByRole("table", { name: "Delegations in force or upcoming" });
  const row = current.getByRole("row", { name: /Plant turnaround leave/ });
  await expect(row).toContainText("Dana");
  await expect(row).toContainText("Upcoming");
  await expectNoAxeViolations(priya);
  await priya.context().close();

  // The refinery's change manager sees it and ends it.
  const elena = await pageAs(browser, PEOPLE.gcrChangeManager);
  await elena.setViewportSize({ width: 820, height: 900 });
  await elena.goto("/approvals/delegations");
  const seen = elena
    .getByRole("table", { name: "Delegations in force or upcoming" })
    .getByRole("row", { name: /Plant turnaround leave/ });
  await expect(seen).toBeVisible();
  await expectNoAxeViolations(elena);
  await seen.getByRole("button", { name: /End the delegation of Safety approver at GCR/ }).click();
  await elena.getByRole("button", { name: "End delegation" }).click();
  const ended = elena
    .getByRole("table", { name: "Delegations that have ended" })
    .getByRole("row", { name: /Plant turnaround leave/ });
  await expect(ended).toContainText("Ended early");
  await elena.context().close();
});

// A delegate's inbox (issue 15 item 3) and a temporary change's page (item 4), with screenshots at
// both widths. The pharma plant's safety approver lends safety to its technician for today only,
// on a change of this spec's own area; the delegation is ended at the end, so it lends nothing to
// the other specs afterwards.
test("a delegate's approvals list the lent role's sign-off on behalf of the approver; a temporary change shows its expiry", async ({
  browser,
  baseURL,
}, info) => {
  const zone = "Europe/Berlin";
  const tag = `e2e-${Date.now().toString(36)}`;
  const start = DateTime.now()
    .setZone(zone)
    .plus({ days: 40 })
    .set({ hour: 6, minute: 0, second: 0, millisecond: 0 });
  const iso = (d: DateTime) => d.toUTC().toISO({ suppressMilliseconds: true })!;
  const area = await createOwnArea(browser, baseURL!, "RHP", "Delegation e2e");
  const { "SIS-FIL-F01": sis } = await copyDemoAssets(browser, baseURL!, area, ["SIS-FIL-F01"]);
  await openWindow(browser, baseURL!, area, {
    title: `Delegation window ${tag}`,
    start: start.minus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    durationMinutes: 240,
  });
  const change = await as(browser, PEOPLE.rhpRequester, async (jonas) => {
    const c = await api<{ id: string; number: string }>(jonas, baseURL!, "POST", "/api/v1/changes", {
      type: "configuration",
      class: "normal",
      title: `Proof-test bypass on the filling line (${tag})`,
      description: "Bypass the filling line's door interlock for the annual proof test.",
      justification: "Annual proof test of the safety function.",
      assetIds: [sis!.id],
      implementationPlan: "Set the bypass in the safety PLC and tag the panel.",
      backoutPlan: "Remove the bypass and verify the interlock trips.",
      testedOnTestBench: true,
      vendorQualified: true,
      safetyBypassRequired: true,
      plannedStart: iso(start),
      plannedEnd: iso(start.plus({ hours: 1 })),
      temporaryUntil: iso(start.plus({ days: 2 })),
      implementerEmail: PEOPLE.rhpRequester,
    });
    await api(jonas, baseURL!, "POST", `/api/v1/changes/${c.id}/submit`, {});
    return c;
  });
  const today = DateTime.now().setZone(zone).toISODate()!;
  const delegation = await as(browser, PEOPLE.rhpSafety, (lukas) =>
    api<{ id: string }>(lukas, baseURL!, "POST", "/api/v1/delegations", {
      delegateEmail: PEOPLE.rhpTechnician,
      siteCode: "RHP",
      role: "safety",
      startDate: today,
      endDate: today,
      reason: "Proof-test week",
    }),
  );
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
  try {
    const mia = await pageAs(browser, PEOPLE.rhpTechnician);
    for (const width of [1280, 820]) {
      await mia.setViewportSize({ width, height: 900 });
      await mia.goto("/approvals");
      const row = mia.getByRole("row", { name: new RegExp(change.number) });
      await expect(row).toContainText("Safety (RHP), on behalf of Lukas Schmidt");
      // The nav counts it (its menu folds below 900 px).
      if (width === 1280)
        await expect(
          mia.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /My approvals/ }),
        ).toContainText(/\d/);
      await expectNoAxeViolations(mia);
      await shot(mia, `inbox-on-behalf-${width}`);
      await mia.goto("/approvals/delegations");
      await expect(mia.getByRole("row", { name: /Proof-test week/ })).toContainText("In force");
      await shot(mia, `delegations-${width}`);
      await mia.goto(`/changes/${change.id}`);
      await expect(mia.getByTestId("temporary-notice")).toContainText("must be reverted by");
      await expectNoAxeViolations(mia);
      await shot(mia, `temporary-change-${width}`);
    }
    // The sign dialog names whose authority the delegate signs under.
    await mia.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(mia.getByRole("dialog")).toContainText("on behalf of Lukas Schmidt");
    await mia.context().close();
  } finally {
    await as(browser, PEOPLE.rhpSafety, (lukas) =>
      api(lukas, baseURL!, "POST", `/api/v1/delegations/${delegation.id}/revoke`, {}),
    );
  }
});
