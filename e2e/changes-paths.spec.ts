import { DateTime } from "luxon";
import { DEMO_PASSWORD, PEOPLE } from "./accounts";
import {
  GCR_ZONE,
  expectState,
  fillChangeForm,
  minutesFromNow,
  saveDraft,
  signAs,
  submit,
} from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import { copyDemoAssets, createOwnArea, openWindow, openWindowAroundNow } from "./own-data";

test("a rejected change is revised and resubmitted in a new approval round", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const tag = `e2e-${Date.now().toString(36)}`;
  const area = await createOwnArea(browser, baseURL!, "GCR", "Rejection path e2e");
  const { "PLC-HTU-H2C": plc } = await copyDemoAssets(browser, baseURL!, area, ["PLC-HTU-H2C"]);
  await openWindowAroundNow(browser, baseURL!, area, `Rejection path window ${tag}`);
  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  await fillChangeForm(dana, {
    title: `Hydrogen compressor PLC firmware (${tag})`,
    type: "firmware_update",
    cls: "normal",
    assetSearch: plc!.tag,
    assetTag: plc!.tag,
    start: minutesFromNow(30),
    end: minutesFromNow(150),
    tested: false,
  });
  const { id, number } = await saveDraft(dana);
  await submit(dana);

  // Security rejects; a rejection needs a comment and stops the change.
  const tomasz = await signAs(browser, PEOPLE.gcrSecurity, id, {
    decision: "reject",
    comment: "Not tested on the test bench; test it first.",
  });
  await expectState(tomasz, "Rejected");

  // The operations approver's inbox no longer lists it.
  const marcus = await pageAs(browser, PEOPLE.gcrOperations);
  await marcus.goto("/approvals");
  await expect(marcus.getByRole("heading", { name: "My approvals" })).toBeVisible();
  await expect(marcus.getByText(number)).toHaveCount(0);

  await dana.reload();
  await expectState(dana, "Rejected");
  await dana.getByRole("tab", { name: /Sign-offs/ }).click();
  await expect(dana.getByTestId("required-security")).toContainText("Rejected by Tomasz Nowak");
  await expect(dana.getByRole("table", { name: "Sign-offs of this change" })).toContainText(
    "Not tested on the test bench; test it first.",
  );

  await dana.getByRole("button", { name: "Revise" }).click();
  const revise = dana.getByRole("dialog");
  await revise.getByLabel(/^Reason/).fill("Will test on the bench first.");
  await revise.getByRole("button", { name: "Back to draft" }).click();
  await expect(revise).toBeHidden();
  await expectState(dana, "Draft");

  await dana.getByRole("link", { name: "Edit" }).click();
  await expect(dana.getByRole("heading", { name: `Edit ${number}` })).toBeVisible();
  await dana.getByLabel("Tested on a test bench").check();
  await dana
    .getByLabel("Test notes")
    .fill("Bench test on a spare CompactLogix 5380 with the compressor program: passed.");
  await dana.getByRole("button", { name: "Save changes" }).click();
  await dana.waitForURL(new RegExp(`/changes/${id}$`));
  await submit(dana);

  // A new round: the old rejection stays on the record, marked as an earlier round.
  await dana.getByRole("tab", { name: /Sign-offs/ }).click();
  await expect(dana.getByTestId("required-security")).toContainText("Missing");
  await expect(dana.getByRole("table", { name: "Sign-offs of this change" })).toContainText(
    "Round 1 (earlier)",
  );

  await marcus.goto("/approvals");
  await expect(marcus.getByTestId("inbox-row").filter({ hasText: number })).toBeVisible();
  await expectNoAxeViolations(marcus);

  // The vendor has not qualified the firmware: security approves only by acknowledging it.
  const security = await pageAs(browser, PEOPLE.gcrSecurity);
  await security.goto(`/changes/${id}`);
  await security.getByRole("button", { name: "Sign", exact: true }).click();
  const sign = security.getByRole("dialog");
  await expect(sign).toContainText("The vendor has not qualified this patch or firmware for these assets");
  await sign.getByLabel("Password").fill(DEMO_PASSWORD);
  await sign.getByRole("button", { name: "Approve and sign" }).click();
  await expect(sign.getByRole("alert")).toContainText("Acknowledge the warning to sign");
  await sign.getByLabel("I acknowledge that the vendor has not qualified this fix").check();
  await expect(sign.getByTestId("sign-meaning")).toContainText(
    "acknowledging that the vendor has not qualified the fix",
  );
  await expectNoAxeViolations(security);
  await sign.getByLabel("Password").fill(DEMO_PASSWORD);
  await sign.getByRole("button", { name: "Approve and sign" }).click();
  await expect(sign).toBeHidden();
  const ops = await signAs(browser, PEOPLE.gcrOperations, id);
  await expectState(ops, "Approved");
  await ops.getByRole("tab", { name: /Sign-offs/ }).click();
  await expect(ops.getByRole("table", { name: "Sign-offs of this change" })).toContainText(
    "Approved as IT/OT security authority, acknowledging that the vendor has not qualified the fix",
  );
  await ops.getByRole("tab", { name: "Deployment gate" }).click();
  await ops.getByRole("button", { name: "Evaluate now" }).click();
  await expect(ops.getByTestId("gate-warnings")).toContainText(
    "Warning (acknowledged): The vendor has not qualified this patch or firmware",
  );
  await expect(ops.getByTestId("gate-warnings")).toContainText("Tomasz Nowak acknowledged this when signing");
});

test("an emergency change shows its retrospective sign-off deadline", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const tag = `e2e-${Date.now().toString(36)}`;
  const area = await createOwnArea(browser, baseURL!, "GCR", "Emergency path e2e");
  const { "PLC-FCC-PRT1": plc } = await copyDemoAssets(browser, baseURL!, area, ["PLC-FCC-PRT1"]);
  await openWindowAroundNow(browser, baseURL!, area, `Emergency window ${tag}`);
  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  await fillChangeForm(dana, {
    title: `Emergency patch on the power recovery train (${tag})`,
    type: "security_patch",
    cls: "emergency",
    assetSearch: plc!.tag,
    assetTag: plc!.tag,
    start: minutesFromNow(-5),
    end: minutesFromNow(100),
    downtime: 300,
    productionImpact: "outage",
    tested: false,
  });
  const panel = dana.getByRole("complementary", { name: "Risk and required sign-offs" });
  await expect(panel.getByTestId("live-risk")).toHaveText("High risk");
  await expect(panel.getByTestId("live-required-signoffs")).toContainText("Change board");
  await expect(panel.getByTestId("live-required-signoffs")).toContainText("within 72 h");
  const { id, number } = await saveDraft(dana);
  await submit(dana);

  // Operations and security suffice to approve an emergency change; the change board follows.
  await signAs(browser, PEOPLE.gcrOperations, id);
  const tomasz = await signAs(browser, PEOPLE.gcrSecurity, id, { acknowledge: true });
  await expectState(tomasz, "Approved");
  await expect(tomasz.getByTestId("retrospective-deadline")).toContainText("remaining sign-offs due by");

  const elena = await pageAs(browser, PEOPLE.gcrChangeManager);
  await elena.goto("/approvals");
  const row = elena.getByTestId("inbox-row").filter({ hasText: number });
  await expect(row).toContainText("Change board (GCR), retrospective");
  await expect(row).toContainText(/\d{4}, \d{2}:\d{2} C[SD]T/);
  await elena.goto(`/changes/${id}?tab=signoffs`);
  await expect(elena.getByTestId("required-change_board")).toContainText("Retrospective");
  await expect(elena.getByTestId("required-change_board")).toContainText("due by");

  await elena.goto("/");
  await expect(elena.getByTestId("approver-waiting")).toBeVisible();
  await expectNoAxeViolations(elena);

  const signed = await signAs(browser, PEOPLE.gcrChangeManager, id);
  await signed.getByRole("tab", { name: /Sign-offs/ }).click();
  await expect(signed.getByTestId("required-change_board")).toContainText("Approved by Elena Brooks");
});

test("slot proposals, server-side list filters and sorting, and a stale edit that names who got there first", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const tag = `e2e-${Date.now().toString(36)}`;
  const area = await createOwnArea(browser, baseURL!, "GCR", "Slot proposals e2e");
  const { "HIS-GCR-PI": historian } = await copyDemoAssets(browser, baseURL!, area, ["HIS-GCR-PI"]);
  const today = DateTime.now().setZone(GCR_ZONE);
  await openWindow(browser, baseURL!, area, {
    title: `Nightly window ${tag}`,
    start: `${today.toFormat("yyyy-MM-dd")}T02:00`,
    durationMinutes: 240,
    rrule: "FREQ=DAILY",
    until: today.plus({ days: 8 }).toFormat("yyyy-MM-dd"),
  });
  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  await fillChangeForm(dana, {
    title: `Historian antivirus signatures (${tag})`,
    type: "security_patch",
    cls: "normal",
    assetSearch: historian!.tag,
    assetTag: historian!.tag,
    start: minutesFromNow(24 * 60),
    end: minutesFromNow(25 * 60),
  });
  // The assistant proposes conflict-free slots inside the nightly windows; picking one fills the slot.
  const assistant = dana.getByTestId("slot-assistant");
  await assistant.getByLabel("Duration (minutes)").fill("60");
  await assistant.getByRole("button", { name: "Suggest slots" }).click();
  const proposals = assistant.getByRole("list", { name: "Proposed slots" });
  await expect(proposals.getByRole("button", { name: "Use this slot" }).nth(4)).toBeVisible();
  await proposals.getByRole("button", { name: "Use this slot" }).first().click();
  await expect(assistant).toContainText("No conflicts");
  await expect(dana.getByLabel(/^Planned start/)).toHaveValue(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  const { id, number } = await saveDraft(dana);

  await dana.goto(`/changes?q=${encodeURIComponent(tag)}&state=draft&site=GCR`);
  const list = dana.getByRole("table", { name: "Change requests" });
  await expect(list.getByRole("row").filter({ hasText: number })).toContainText("Draft");
  await dana.getByRole("link", { name: /^Planned start/ }).click();
  await expect(dana).toHaveURL(/sort=plannedStart/);
  await expect(dana.getByRole("columnheader", { name: /Planned start/ })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await expectNoAxeViolations(dana);
  await dana.goto(`/changes?q=${encodeURIComponent(tag)}&state=closed`);
  await expect(list).toContainText("No changes match these filters.");

  // Two editors: the second save is refused and names the first; the user's entries stay.
  const first = dana;
  const second = await dana.context().newPage();
  await first.goto(`/changes/${id}/edit`);
  await second.goto(`/changes/${id}/edit`);
  await first.getByLabel("Test notes").fill("First editor's notes.");
  await first.getByRole("button", { name: "Save changes" }).click();
  await first.waitForURL(new RegExp(`/changes/${id}$`));
  await second.getByLabel("Test notes").fill("Second editor's notes.");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(
    second.getByRole("status").filter({ hasText: "Someone else changed this change first" }),
  ).toContainText("Dana Ruiz saved it");
  await expect(second.getByLabel("Test notes")).toHaveValue("Second editor's notes.");
  await second.getByRole("button", { name: /Reload latest version/ }).click();
  await expect(second.getByRole("status").filter({ hasText: "Reloaded version" })).toContainText("testNotes");
  await expect(second.getByLabel("Test notes")).toHaveValue("Second editor's notes.");
  await second.getByRole("button", { name: "Save changes" }).click();
  await second.waitForURL(new RegExp(`/changes/${id}$`));
  await expect(second.getByText("Second editor's notes.")).toBeVisible();
});
