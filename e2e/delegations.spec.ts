import { DateTime } from "luxon";
import { PEOPLE } from "./accounts";
import { expect, expectNoAxeViolations, pageAs, test } from "./fixtures";

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
