import type { Page } from "@playwright/test";
import { CVSS_BAND_LABELS, cvssBand } from "../lib/domain/advisories/priority";
import { OPEN_STATES } from "../lib/domain/changes/state-machine";
import { BOOKING_STATES } from "../lib/domain/schedule/conflicts";
import { formatLocalRange } from "../lib/domain/schedule/time";
import { PEOPLE } from "./accounts";
import { expect, pageAs, test } from "./fixtures";

// The header of an asset, a window and an advisory states its key facts in words, and the
// figures in it agree with the API (the same data the board, technicians and auditors act on).

/** The value the header's key facts give for a label. */
const fact = (page: Page, label: string) =>
  page
    .getByTestId("key-facts")
    .locator("dt")
    .getByText(label, { exact: true })
    .locator("xpath=following-sibling::dd[1]");

async function api<T>(page: Page, url: string): Promise<T> {
  const res = await page.request.get(url);
  expect(res.ok(), url).toBe(true);
  return (await res.json()) as T;
}

const DATE_WORDS = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}$/;
const changes = (n: number) => `${n} ${n === 1 ? "change" : "changes"}`;

test("an asset's header: tag and name, badges, site and area in words, open changes and advisories", async ({
  browser,
}) => {
  const page = await pageAs(browser, PEOPLE.gcrRequester);
  // An asset of a submitted change has at least that one open change.
  const list = await api<{ items: { id: string }[] }>(
    page,
    "/api/v1/changes?site=GCR&state=submitted&limit=1",
  );
  const change = await api<{ assets: { id: string; tag: string; name: string }[] }>(
    page,
    `/api/v1/changes/${list.items[0]!.id}`,
  );
  const a = change.assets[0]!;
  const open = await api<{ items: unknown[] }>(
    page,
    `/api/v1/changes?asset=${a.id}&state=${OPEN_STATES.join(",")}&limit=100`,
  );
  await page.goto(`/assets/${a.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${a.tag} — ${a.name}`);
  await expect(page.getByTestId("header-badges")).toContainText(
    /Safety-critical|Production-critical|Supporting/,
  );
  await expect(fact(page, "Site")).toHaveText("Gulf Coast Refinery");
  await expect(fact(page, "Area")).not.toHaveText("");
  await expect(fact(page, "Kind")).not.toHaveText(/_/);
  const n = open.items.length;
  expect(n).toBeGreaterThan(0);
  await expect(fact(page, "Open changes")).toHaveText(`${n} ${n === 1 ? "open change" : "open changes"}`);
  await expect(fact(page, "Advisories")).toHaveText(/^\d+ matched advisor(y|ies)/);
  await fact(page, "Open changes").getByRole("link").click();
  await expect(page).toHaveURL(/#changes$/);
});

test("a window's header: kind and status, the occurrence in site time with its zone, duration, changes booked", async ({
  browser,
}) => {
  const page = await pageAs(browser, PEOPLE.gcrChangeManager);
  const now = new Date();
  const to = new Date(now.getTime() + 21 * 86_400_000);
  const occ = await api<{
    items: { windowId: string; kind: string; start: string; end: string; timeZone: string }[];
  }>(page, `/api/v1/windows?site=GCR&from=${now.toISOString()}&to=${to.toISOString()}&limit=200`);
  const o = occ.items.find((x) => x.kind === "maintenance");
  expect(o, "the demo plant has a maintenance window in the next three weeks").toBeTruthy();
  const booked = await api<{ items: unknown[] }>(
    page,
    `/api/v1/changes?site=GCR&state=${BOOKING_STATES.join(",")}&from=${o!.start}&to=${o!.end}&limit=100`,
  );

  await page.goto(`/schedule/windows/${o!.windowId}`);
  const isOpen = new Date(o!.start).getTime() <= Date.now();
  await expect(page.getByTestId("header-badges")).toContainText("Maintenance");
  await expect(page.getByTestId("header-badges")).toContainText(isOpen ? "Open now" : "Upcoming");
  await expect(fact(page, "Site")).toHaveText("Gulf Coast Refinery");
  await expect(fact(page, isOpen ? "This occurrence" : "Next occurrence")).toHaveText(
    formatLocalRange(new Date(o!.start), new Date(o!.end), o!.timeZone),
  );
  await expect(fact(page, isOpen ? "This occurrence" : "Next occurrence")).toHaveText(/ C[DS]T$/);
  await expect(fact(page, "Duration")).toHaveText(/^\d+ (hours|days?|min)|h \d+ min$/);
  // The schedule in words for a series; a one-off's time is the occurrence fact, so it says so.
  const def = await api<{ rrule: string | null; summary: string }>(page, `/api/v1/windows/${o!.windowId}`);
  await expect(fact(page, "Schedule")).toHaveText(def.rrule === null ? "Does not repeat" : def.summary);
  // The facts are not repeated in a card below the header.
  await expect(page.getByRole("heading", { name: "Definition" })).toHaveCount(0);
  await expect(fact(page, "Changes booked")).toHaveText(changes(booked.items.length));
});

test("an advisory's header: severity and KEV, publisher, published date in words, matched assets, drafted change", async ({
  browser,
}) => {
  const page = await pageAs(browser, PEOPLE.gcrSecurity);
  const list = await api<{ items: { id: string }[] }>(page, "/api/v1/advisories");
  type Detail = {
    trackingId: string;
    title: string;
    publisher: string;
    initialReleaseDate: string | null;
    cves: { cvss: number | null; knownExploited: boolean }[];
    changes: { id: string; number: string }[];
    matches: { siteCode: string; status: string }[];
  };
  const details = await Promise.all(list.items.map((i) => api<Detail>(page, `/api/v1/advisories/${i.id}`)));
  const at = details.findIndex((d) => d.changes.length > 0);
  expect(at, "the demo plant has an advisory with a drafted change").toBeGreaterThanOrEqual(0);
  const a = details[at]!;

  await page.goto(`/advisories/${list.items[at]!.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${a.trackingId}: ${a.title}`);
  const scores = a.cves.flatMap((c) => (c.cvss === null ? [] : [c.cvss]));
  const max = scores.length ? Math.max(...scores) : null;
  const badges = page.getByTestId("header-badges");
  await expect(badges).toContainText(CVSS_BAND_LABELS[cvssBand(max)]);
  if (max !== null) await expect(badges).toContainText(`CVSS ${max.toFixed(1)}`);
  if (a.cves.some((c) => c.knownExploited)) await expect(badges).toContainText("Known exploited");
  await expect(fact(page, "Publisher")).toHaveText(a.publisher);
  if (a.initialReleaseDate) {
    await expect(fact(page, "Published")).toHaveText(DATE_WORDS);
    await expect(fact(page, "Published")).toContainText(a.initialReleaseDate.slice(0, 4));
  }
  const gcr = a.matches.filter((m) => m.siteCode === "GCR");
  const affected = gcr.filter((m) => m.status === "affected").length;
  const unknown = gcr.filter((m) => m.status === "unknown").length;
  await expect(fact(page, "Matched assets")).toHaveText(`${affected} affected, ${unknown} to decide`);
  for (const c of a.changes)
    await expect(fact(page, "Drafted changes").getByRole("link", { name: c.number })).toHaveAttribute(
      "href",
      `/changes/${c.id}`,
    );
});
