import { PEOPLE } from "./accounts";
import {
  expectState,
  fillChangeForm,
  gcrLocal,
  minutesFromNow,
  saveDraft,
  signAs,
  submit,
} from "./changes-helpers";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";
import { copyDemoAssets, createOwnArea, openWindowAroundNow } from "./own-data";

// The whole story of a firmware update on a safety instrumented system, each role in its
// own signed-in browser: draft → submitted → three sign-offs → gate → implementation → PSSR → closed.
test("a firmware update on a safety-related controller runs from draft to closed", async ({
  browser,
  baseURL,
}) => {
  // The longest journey: seven people, the gate, the integrity check and the PSSR (3 min under load).
  test.setTimeout(300_000);
  const tag = `e2e-${Date.now().toString(36)}`;
  const area = await createOwnArea(browser, baseURL!, "GCR", "Change story e2e");
  const { "SIS-CDU-TRI01": sis } = await copyDemoAssets(browser, baseURL!, area, ["SIS-CDU-TRI01"]);
  await openWindowAroundNow(browser, baseURL!, area, `Change story window ${tag}`);

  const dana = await pageAs(browser, PEOPLE.gcrRequester);
  await fillChangeForm(dana, {
    title: `Triconex firmware 11.8 on ${sis!.tag} (${tag})`,
    type: "firmware_update",
    cls: "normal",
    assetSearch: sis!.tag,
    assetTag: sis!.tag,
    start: minutesFromNow(-5),
    end: minutesFromNow(120),
    downtime: 30,
    references: "CVE-2024-12345\nSchneider SEVD-2024-100-01",
  });
  // The side panel computes risk and sign-offs from the unsaved form and the asset's facts.
  const panel = dana.getByRole("complementary", { name: "Risk and required sign-offs" });
  await expect(panel.getByTestId("live-risk")).toHaveText("Medium risk");
  const live = panel.getByTestId("live-required-signoffs");
  await expect(live).toContainText("Operations (GCR)");
  await expect(live).toContainText("Security");
  await expect(live).toContainText("Safety");
  await expect(live).not.toContainText("Change board");
  await expect(dana.getByTestId("slot-assistant")).toContainText("No conflicts");
  await expectNoAxeViolations(dana);
  const { id, number } = await saveDraft(dana);
  await expectState(dana, "Draft");

  await submit(dana);
  await dana.getByRole("tab", { name: /Sign-offs/ }).click();
  const required = dana.getByRole("list", { name: "Required sign-offs" });
  await expect(required.getByTestId(/^required-/)).toHaveCount(4);
  await expect(required.getByTestId("required-operations-GCR")).toContainText("Missing");
  await expect(required.getByTestId("required-security")).toContainText("Missing");
  await expect(required.getByTestId("required-safety")).toContainText(
    "Awaiting a safety approver of Gulf Coast Refinery",
  );
  await expect(required.getByTestId("required-pssr")).toBeVisible();
  await expectNoAxeViolations(dana);

  // The requester is offered no sign-off, and is told why.
  await expect(dana.getByRole("button", { name: "Sign", exact: true })).toHaveCount(0);
  await dana.getByText("Why other actions are unavailable").click();
  await expect(dana.getByTestId("action-bar")).toContainText(
    "You hold no role that must sign this change now.",
  );

  const marcus = await signAs(browser, PEOPLE.gcrOperations, id, { axe: expectNoAxeViolations });
  await expectState(marcus, "Submitted");
  await signAs(browser, PEOPLE.gcrSecurity, id);
  const priya = await signAs(browser, PEOPLE.gcrSafety, id);
  await expectState(priya, "Approved");

  // The gate refuses before the slot (a dry run at an earlier instant) and allows inside it.
  await dana.goto(`/changes/${id}?tab=gate`);
  await expectState(dana, "Approved");
  await dana.getByLabel(/^Or at/).fill(gcrLocal(minutesFromNow(-90)));
  await dana.getByRole("button", { name: "Evaluate at that time" }).click();
  const decision = dana.getByTestId("gate-decision");
  await expect(decision).toContainText("Refused");
  await expect(decision.getByTestId("gate-reasons")).toContainText("Outside the planned slot");
  await expect(decision.getByTestId("gate-reasons")).not.toContainText("outside_slot");
  await expect(decision).toContainText("Too early");
  await dana.getByRole("button", { name: "Evaluate now" }).click();
  await expect(decision).toContainText("Allowed");

  await dana.getByRole("button", { name: "Start implementation" }).click();
  const startDialog = dana.getByRole("dialog");
  await expect(startDialog.getByTestId("gate-decision")).toContainText("Allowed");
  await startDialog.getByRole("button", { name: "Start now" }).click();
  await expect(startDialog).toBeHidden();
  await expectState(dana, "In progress");

  await dana.getByRole("button", { name: "Record outcome" }).click();
  const completeDialog = dana.getByRole("dialog");
  await completeDialog
    .getByLabel(/^Notes/)
    .fill("Firmware 11.8 loaded on both main processors; diagnostics clean.");
  // CIP-010 R1.6: success needs the integrity check of the installed file, and a mismatch is refused.
  await completeDialog.getByRole("button", { name: "Record success" }).click();
  await expect(completeDialog).toContainText(
    "Record how the installed file was checked before reporting success.",
  );
  await completeDialog.getByLabel("File installed").fill("Tricon_CX_11.8.0.bin");
  await completeDialog.getByLabel("SHA-256 as computed").fill("ab".repeat(32));
  await completeDialog.getByLabel("SHA-256 the vendor published").fill("AB".repeat(31) + "AC");
  await expect(completeDialog.getByTestId("integrity-verdict")).toContainText("does not match");
  await expectNoAxeViolations(dana);
  await completeDialog.getByRole("button", { name: "Record success" }).click();
  await expect(completeDialog.getByRole("alert")).toContainText(
    "The SHA-256 of Tricon_CX_11.8.0.bin does not match the vendor's published value",
  );
  await expectState(dana, "In progress");
  await completeDialog.getByLabel("SHA-256 the vendor published").fill("AB".repeat(32));
  await expect(completeDialog.getByTestId("integrity-verdict")).toContainText("matches the vendor's");
  await completeDialog.getByRole("button", { name: "Record success" }).click();
  await expect(completeDialog).toBeHidden();
  await expectState(dana, "PSSR pending");
  await dana.getByRole("tab", { name: "Overview" }).click();
  await expect(dana.getByTestId("integrity-check")).toContainText(
    "Passed: Tricon_CX_11.8.0.bin: SHA-256 matches the vendor's published value",
  );
  await expect(dana.getByTestId("integrity-check")).toContainText("ab".repeat(32));

  const priyaPssr = await signAs(browser, PEOPLE.gcrSafety, id, { trigger: "Sign PSSR" });
  await expectState(priyaPssr, "PSSR pending");

  await dana.reload();
  await dana.getByRole("button", { name: "Close change" }).click();
  const closeDialog = dana.getByRole("dialog");
  await expect(closeDialog).toContainText("signed by Priya Natarajan");
  await closeDialog.getByLabel("Security controls verified after the change").check();
  await closeDialog.getByLabel("Asset baseline updated (versions below are current)").check();
  await closeDialog.getByLabel(new RegExp(`^${sis!.tag}`)).fill("11.8.0");
  await closeDialog.getByRole("button", { name: "Close change" }).click();
  await expect(closeDialog).toBeHidden();
  await expectState(dana, "Closed");

  // The history lists the whole story.
  await dana.getByRole("tab", { name: /History/ }).click();
  const history = dana.getByTestId("history");
  for (const action of [
    "change.create",
    "change.submit",
    "change.approve",
    "gate.decision",
    "change.start",
    "change.integrity_refused",
    "change.complete",
    "change.pssr",
    "change.close",
  ]) {
    await expect(history.locator(`[data-action="${action}"]`).first(), action).toBeVisible();
  }
  await expect(history.locator('[data-action="signoff.sign"]')).toHaveCount(4);
  // Only the real start is in the history; the three dry runs (two of them the same answer
  // within a minute, one entry counted twice) are in the gate-check log, which the auditor reads.
  await expect(history.locator('[data-action="gate.decision"]')).toHaveCount(1);
  await expectNoAxeViolations(dana);
  await expect(dana.getByRole("table", { name: `Gate checks of ${number}` })).toHaveCount(0);

  const grace = await pageAs(browser, PEOPLE.auditor);
  await grace.goto(`/changes/${id}?tab=gate`);
  const log = grace.getByRole("table", { name: `Gate checks of ${number}` });
  const rows = log.getByTestId("gate-check");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Would open");
  await expect(rows.nth(0).locator("td").last()).toHaveText("2");
  await expect(rows.nth(1)).toContainText("Would refuse");
  await expect(rows.nth(1)).toContainText("Too early");
  await expectNoAxeViolations(grace);
  await grace.goto(`/audit/gate-checks?change=${number}`);
  await expect(
    grace.getByRole("table", { name: "Gate checks, newest first" }).getByTestId("gate-check"),
  ).toHaveCount(2);
  await expect(grace.getByRole("button", { name: /CSV/ })).toBeVisible();
  await expectNoAxeViolations(grace);

  // The baseline moved with the close.
  await dana.getByRole("tab", { name: "Overview" }).click();
  await expect(dana.getByRole("table", { name: "Affected assets" })).toContainText("11.8.0");

  // The printable record carries every sign-off with name, role, meaning and time.
  await dana.goto(`/changes/${id}/print`);
  await expect(dana.getByRole("heading", { level: 1 })).toContainText(number);
  const signatures = dana.getByRole("table", { name: "Every sign-off, superseded ones included" });
  for (const who of ["Marcus Hale", "Tomasz Nowak", "Priya Natarajan"])
    await expect(signatures).toContainText(who);
  await expect(signatures).toContainText("Approved as safety authority (pre-startup safety review)");
  // Its history names each step in words (the action's code is on hover).
  await expect(dana.getByTestId("history").locator('[data-action="change.close"]')).toContainText("Closed");
  await expectNoAxeViolations(dana);
});
