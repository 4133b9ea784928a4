import { test, expect, pageAs, expectNoAxeViolations } from "./fixtures";
import { PEOPLE } from "./accounts";
import { createWindow, fillWindowForm, submitWindowForm } from "./schedule-helpers";

// March 2030 in Chicago: DST starts on Sunday 10 March, so the weekly window shows both zones.
const WEEKLY = {
  site: "GCR",
  kind: "maintenance" as const,
  title: "Sunday maintenance (schedule e2e)",
  startDate: "2030-03-03",
  startTime: "01:00",
  hours: 4,
  weekly: { days: ["Sunday"], until: "2030-03-31" },
};

test("a change manager defines a weekly window with a live preview, cancels one occurrence and adds a blackout", async ({
  browser,
}) => {
  // A whole journey through several forms; on a busy machine it needs more than the default minute.
  test.slow();
  const page = await pageAs(browser, PEOPLE.gcrChangeManager);
  await page.goto("/schedule?site=GCR");
  await expect(page.getByRole("heading", { name: "Windows & production", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  await fillWindowForm(page, WEEKLY);
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByTestId("window-summary")).toHaveText(
    "Every Sunday 01:00–05:00 CST/CDT, until 31 Mar 2030",
  );
  // Four hours of elapsed time: across the spring-forward night the window ends at 06:00 CDT.
  await expect(preview.getByTestId("window-next").getByRole("listitem")).toHaveText([
    "Sun 3 Mar 2030 01:00–05:00 CST",
    "Sun 10 Mar 2030 01:00 CST – 06:00 CDT",
    "Sun 17 Mar 2030 01:00–05:00 CDT",
    "Sun 24 Mar 2030 01:00–05:00 CDT",
    "Sun 31 Mar 2030 01:00–05:00 CDT",
  ]);
  await expectNoAxeViolations(page);

  // The form refuses what the rules refuse, before anything is sent.
  await page.getByLabel("Last day (site time, inclusive)").fill("2030-02-01");
  await page.getByRole("button", { name: "Create window" }).click();
  await expect(page.getByLabel("Last day (site time, inclusive)")).toHaveAccessibleDescription(
    "The end of the series is before its start",
  );
  await page.getByLabel("Last day (site time, inclusive)").fill("2030-03-31");

  const id = await submitWindowForm(page);
  await expect(page.getByRole("heading", { name: WEEKLY.title, level: 1 })).toBeVisible();
  await expect(page.getByTestId("window-summary")).toHaveText(
    "Every Sunday 01:00–05:00 CST/CDT, until 31 Mar 2030",
  );
  await expectNoAxeViolations(page);

  await page.goto(`/schedule/windows/${id}?from=2030-03-01`);
  const occurrences = page.getByRole("list", { name: `Occurrences of ${WEEKLY.title}` });
  await expect(occurrences.getByRole("listitem")).toHaveCount(5);
  await occurrences
    .getByRole("button", { name: "Cancel the occurrence Sun 24 Mar 2030 01:00–05:00 CDT" })
    .click();
  const confirm = page.getByRole("dialog", { name: "Cancel this occurrence?" });
  await confirm.getByRole("button", { name: "Cancel occurrence" }).click();
  await expect(confirm).toBeHidden();
  await expect(occurrences.getByRole("listitem")).toHaveCount(4);
  await expect(occurrences).not.toContainText("Sun 24 Mar 2030");
  await expect(page.getByTestId("window-summary")).toHaveText(
    "Every Sunday 01:00–05:00 CST/CDT, until 31 Mar 2030 (1 cancelled)",
  );
  // The cancelled occurrence in words, with its zone (not "2030-03-24 01:00").
  await expect(page.getByText("Sun 24 Mar 2030 01:00 CDT", { exact: true })).toBeVisible();

  // Ending the series after the 17th drops the 31st as well.
  await page.getByLabel("Last day of the series (site time)").fill("2030-03-17");
  await page.getByRole("button", { name: "End series" }).click();
  await expect(page.getByText("The series now ends on 2030-03-17.")).toBeVisible();
  await expect(occurrences.getByRole("listitem")).toHaveCount(3);
  await expect(page.getByTestId("window-summary")).toHaveText(
    "Every Sunday 01:00–05:00 CST/CDT, until 17 Mar 2030 (1 cancelled)",
  );

  await createWindow(page, {
    site: "GCR",
    kind: "blackout",
    title: "Spring freeze (schedule e2e)",
    areas: ["CDU"],
    startDate: "2030-03-16",
    startTime: "00:00",
    hours: 48,
  });
  // A one-off: its time is the next occurrence, and the schedule says it does not repeat.
  const facts = page.getByTestId("key-facts");
  await expect(facts).toContainText("Sat 16 Mar 2030 00:00 – Mon 18 Mar 2030 00:00 CDT");
  await expect(facts).toContainText("Does not repeat");

  await page.goto("/schedule?site=GCR");
  const windows = page.getByRole("table", { name: "Maintenance windows and blackouts at GCR" });
  const weeklyRow = windows.getByRole("row").filter({ hasText: WEEKLY.title });
  await expect(weeklyRow).toContainText("Maintenance");
  await expect(weeklyRow).toContainText("Whole site");
  const freezeRow = windows.getByRole("row").filter({ hasText: "Spring freeze (schedule e2e)" });
  await expect(freezeRow).toContainText("Blackout");
  await expect(freezeRow).toContainText("CDU");
});

test("the edit form reads back the stored rule and saves a change to it", async ({ browser }) => {
  const page = await pageAs(browser, PEOPLE.gcrChangeManager);
  const id = await createWindow(page, {
    ...WEEKLY,
    title: "Edit me (schedule e2e)",
    startDate: "2030-06-02",
    weekly: { days: ["Sunday", "Wednesday"] },
  });
  await expect(page.getByTestId("window-summary")).toHaveText(
    "Every Wednesday and Sunday 01:00–05:00 CST/CDT",
  );
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/schedule/windows/${id}/edit$`));
  await expect(page.getByLabel("Repeats")).toHaveValue("weekly");
  await expect(page.getByRole("checkbox", { name: "Wednesday", exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Sunday", exact: true })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole("checkbox", { name: "Wednesday", exact: true }).uncheck();
  await page.getByRole("radio", { name: "After a number of times" }).check();
  await page.getByRole("spinbutton", { name: "Number of times" }).fill("3");
  await expect(page.getByTestId("window-summary")).toHaveText("Every Sunday 01:00–05:00 CDT, 3 times");
  await page.getByRole("button", { name: "Save window" }).click();
  await page.waitForURL(new RegExp(`/schedule/windows/${id}$`));
  await expect(page.getByTestId("window-summary")).toHaveText("Every Sunday 01:00–05:00 CDT, 3 times");
});

test("production runs: add, edit and delete in the table; a requester sees no controls", async ({
  browser,
}) => {
  const page = await pageAs(browser, PEOPLE.gcrOperations);
  await page.goto("/schedule?site=GCR&from=2030-05-01&days=30");
  await page.getByRole("button", { name: "Add run" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a production run at GCR" });
  await dialog.getByLabel("Title").fill("FCC campaign (schedule e2e)");
  await dialog.getByLabel("Area").selectOption("FCC");
  await dialog.getByLabel("Type").selectOption("campaign");
  await dialog.getByLabel("Criticality").selectOption("critical");
  await dialog.getByLabel(/^Start/).fill("2030-05-06T06:00");
  await dialog.getByLabel(/^End/).fill("2030-05-04T06:00");
  await dialog.getByRole("button", { name: "Add run" }).click();
  await expect(dialog.getByText("Must be after the start.")).toBeVisible();
  await expectNoAxeViolations(page);
  await dialog.getByLabel(/^End/).fill("2030-05-20T06:00");
  await dialog.getByRole("button", { name: "Add run" }).click();
  await expect(dialog).toBeHidden();

  const runs = page.getByRole("table", { name: "Production runs at GCR" });
  const row = runs.getByRole("row").filter({ hasText: "FCC campaign (schedule e2e)" });
  await expect(row).toContainText("Critical");
  await expect(row).toContainText("Mon 6 May 2030 06:00 CDT");
  await expect(row).toContainText("Mon 20 May 2030 06:00 CDT");

  await row.getByRole("button", { name: "Edit FCC campaign (schedule e2e)" }).click();
  const edit = page.getByRole("dialog", { name: "Edit FCC campaign (schedule e2e)" });
  await expect(edit.getByLabel(/^Start/)).toHaveValue("2030-05-06T06:00");
  await edit.getByLabel("Criticality").selectOption("low");
  await edit.getByRole("button", { name: "Save run" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("Low");

  const requester = await pageAs(browser, PEOPLE.gcrRequester);
  await requester.goto("/schedule?site=GCR&from=2030-05-01&days=30");
  await expect(requester.getByRole("row").filter({ hasText: "FCC campaign (schedule e2e)" })).toBeVisible();
  await expect(requester.getByRole("button", { name: "Add run" })).toHaveCount(0);
  await expect(requester.getByRole("link", { name: "New window" })).toHaveCount(0);
  await expect(requester.getByRole("button", { name: /^Edit / })).toHaveCount(0);
  await expectNoAxeViolations(requester);

  await row.getByRole("button", { name: "Delete FCC campaign (schedule e2e)" }).click();
  await page
    .getByRole("dialog", { name: "Delete FCC campaign (schedule e2e)?" })
    .getByRole("button", { name: "Delete run" })
    .click();
  await expect(runs.getByRole("row").filter({ hasText: "FCC campaign (schedule e2e)" })).toHaveCount(0);
});

test("CSV import: the dry run lists every bad cell by line and column, then the fixed file imports", async ({
  browser,
}) => {
  const page = await pageAs(browser, PEOPLE.gcrChangeManager);
  await page.goto("/schedule?site=GCR");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page.getByRole("heading", { name: "Import production runs", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  const bad = [
    "area,title,kind,criticality,start,end",
    "CDU,Crude run A (import e2e),run,critical,2030-07-01T06:00,2030-07-10T06:00",
    "XXX,Nowhere run (import e2e),run,normal,2030-07-01T06:00,2030-07-02T06:00",
    "HTU,Bad kind (import e2e),sprint,urgent,2030-07-01T06:00,2030-07-02T06:00",
    "TF,Backwards (import e2e),batch,low,2030-07-05T06:00,2030-07-01T06:00",
  ].join("\n");
  const csv = page.getByLabel("…or paste the CSV");
  await csv.fill(bad);
  await page.getByRole("button", { name: "Check file (dry run)" }).click();
  const status = page.getByRole("status").filter({ hasText: /problem/ });
  await expect(status).toContainText("4 problems found; nothing was imported.");
  const problems = page.getByRole("table", { name: "Problems in the file, by line and column" });
  await expect(problems.getByRole("row")).toHaveCount(5);
  await expect(problems.getByRole("row").filter({ hasText: "Site GCR has no area XXX." })).toContainText("3");
  await expect(problems.getByRole("row").filter({ hasText: /^4\s*kind/ })).toHaveCount(1);
  await expect(problems.getByRole("row").filter({ hasText: /^4\s*criticality/ })).toHaveCount(1);
  await expect(
    problems.getByRole("row").filter({ hasText: "The run must end after it starts." }),
  ).toContainText("5");
  await expect(page.getByRole("button", { name: "Import" })).toBeDisabled();
  await expectNoAxeViolations(page);

  await csv.fill(
    [
      "area,title,kind,criticality,start,end",
      "CDU,Crude run A (import e2e),run,critical,2030-07-01T06:00,2030-07-10T06:00",
      "HTU,Hydrotreater turnaround (import e2e),turnaround,normal,2030-07-12T06:00,2030-07-20T18:00",
    ].join("\n"),
  );
  await page.getByRole("button", { name: "Check file (dry run)" }).click();
  await expect(page.getByRole("status")).toContainText(
    "The file is valid: 2 runs ready to import. Nothing has been written yet.",
  );
  await page.getByRole("button", { name: "Import 2 runs" }).click();
  await expect(page.getByRole("status")).toContainText("Imported 2 production runs into GCR.");

  await page.goto("/schedule?site=GCR&from=2030-07-01&days=30");
  const runs = page.getByRole("table", { name: "Production runs at GCR" });
  await expect(runs.getByRole("row").filter({ hasText: "Crude run A (import e2e)" })).toContainText(
    "Wed 10 Jul 2030 06:00 CDT",
  );
  await expect(
    runs.getByRole("row").filter({ hasText: "Hydrotreater turnaround (import e2e)" }),
  ).toContainText("Turnaround · window");

  // On the calendar the runs sit in their area rows, criticality in words; managers can act on them.
  await page.goto("/calendar?site=GCR&view=timeline&date=2030-07-03");
  const cdu = page.getByRole("region", { name: "CDU · Crude distillation unit" });
  const crude = cdu.getByRole("button", { name: /Crude run A \(import e2e\), Critical run, / });
  await expect(crude).toBeVisible();
  await crude.click();
  const details = page.getByRole("dialog", { name: "Crude run A (import e2e)" });
  await expect(details).toContainText("Mon 1 Jul 2030 06:00 – Wed 10 Jul 2030 06:00 CDT");
  await expect(details.getByRole("button", { name: "Edit run" })).toBeVisible();
  await expect(details.getByRole("button", { name: "Delete run" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.goto("/calendar?site=GCR&view=timeline&date=2030-07-15");
  await expect(
    page.getByRole("region", { name: "HTU · Hydrotreater" }).getByRole("button", {
      name: /Hydrotreater turnaround \(import e2e\), Turnaround \(maintenance window\)/,
    }),
  ).toBeVisible();
});
