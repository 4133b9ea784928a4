import { expect, type Page } from "@playwright/test";

export interface WindowSpec {
  site: string;
  kind: "maintenance" | "blackout";
  title: string;
  areas?: string[];
  startDate: string;
  startTime: string;
  hours: number;
  minutes?: number;
  weekly?: { days: string[]; until?: string };
}

const ALL_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Fills the window form as a change manager would; leaves the preview for the caller to check. */
export async function fillWindowForm(page: Page, w: WindowSpec) {
  await page.goto(`/schedule/windows/new?site=${w.site}`);
  await expect(page.getByRole("heading", { name: "New maintenance window or blackout" })).toBeVisible();
  await page
    .getByRole("radio", { name: w.kind === "blackout" ? /^Blackout/ : /^Maintenance window/ })
    .check();
  await page.getByLabel("Title").fill(w.title);
  for (const area of w.areas ?? [])
    await page.getByRole("checkbox", { name: new RegExp(`^${area} · `) }).check();
  await page.getByLabel("Start date").fill(w.startDate);
  await page.getByLabel("Start time").fill(w.startTime);
  await page.getByLabel("Duration hours").fill(String(w.hours));
  await page.getByLabel("and minutes").fill(String(w.minutes ?? 0));
  if (w.weekly) {
    await page.getByLabel("Repeats").selectOption("weekly");
    for (const day of ALL_DAYS)
      await page.getByRole("checkbox", { name: day, exact: true }).setChecked(w.weekly.days.includes(day));
    if (w.weekly.until) {
      await page.getByRole("radio", { name: "On date" }).check();
      await page.getByLabel("Last day (site time, inclusive)").fill(w.weekly.until);
    }
  }
}

/** Submits the filled form and returns the new window's id from the page it lands on. */
export async function submitWindowForm(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Create window" }).click();
  await page.waitForURL(/\/schedule\/windows\/[0-9a-f-]{36}$/);
  return page.url().split("/").pop()!;
}

export async function createWindow(page: Page, w: WindowSpec): Promise<string> {
  await fillWindowForm(page, w);
  return submitWindowForm(page);
}
