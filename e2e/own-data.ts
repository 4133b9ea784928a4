import { expect, type Browser, type Page } from "@playwright/test";
import { PEOPLE } from "./accounts";
import { pageAs } from "./fixtures";

// Each spec plans in an area of its own, on copies of the demo assets it needs, in windows it
// opens itself: no other spec's windows, blackouts, runs or changes touch that area or those
// assets, and the demo plant's calendar (which the seed fills with a quarter of history and its
// own freezes) can change without moving a spec's expectations.

export interface OwnArea {
  siteCode: string;
  code: string;
  name: string;
  /** As the calendar and the window pages name it: "CODE · Name". */
  label: string;
}

export interface OwnAsset {
  id: string;
  tag: string;
}

/** A short suffix unique to this run and spec, for codes and tags. */
export const uniqueSuffix = () =>
  `${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 4)}`.toUpperCase();

/** One API call as the page's user; a refusal fails the test with the problem's own words. */
export async function api<T = unknown>(
  page: Page,
  baseURL: string,
  method: "GET" | "POST" | "PATCH",
  path: string,
  data?: unknown,
): Promise<T> {
  const res = await page.request.fetch(path, {
    method,
    data,
    headers: { origin: baseURL, "content-type": "application/json" },
  });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** Runs `work` as `email` in a browser context of its own, closed afterwards. */
export async function as<T>(browser: Browser, email: string, work: (page: Page) => Promise<T>): Promise<T> {
  const page = await pageAs(browser, email);
  try {
    return await work(page);
  } finally {
    await page.context().close();
  }
}

/** A new area at a demo site, created by the administrator through the API. */
export async function createOwnArea(
  browser: Browser,
  baseURL: string,
  siteCode: string,
  name: string,
): Promise<OwnArea> {
  const code = `E2E${uniqueSuffix()}`;
  await as(browser, PEOPLE.admin, (admin) =>
    api(admin, baseURL, "POST", `/api/v1/sites/${siteCode}/areas`, { code, name }),
  );
  return { siteCode, code, name, label: `${code} · ${name}` };
}

/**
 * Copies of demo assets in the area, with the same facts (so risk and required sign-offs are the
 * demo asset's) and tags of their own ("SIS-CDU-TRI01-<area>"); no redundancy group, so no other
 * asset's changes can take their redundancy away. Created by the site's change manager.
 */
export async function copyDemoAssets(
  browser: Browser,
  baseURL: string,
  area: OwnArea,
  tags: string[],
): Promise<Record<string, OwnAsset>> {
  const manager = area.siteCode === "RHP" ? PEOPLE.rhpChangeManager : PEOPLE.gcrChangeManager;
  return as(browser, manager, async (page) => {
    const copies: Record<string, OwnAsset> = {};
    for (const tag of tags) {
      const found = await api<{ items: { tag: string }[] }>(
        page,
        baseURL,
        "GET",
        `/api/v1/assets?site=${area.siteCode}&q=${encodeURIComponent(tag)}&limit=50`,
      );
      const demo = found.items.find((a) => a.tag === tag);
      expect(demo, `demo asset ${tag} at ${area.siteCode}`).toBeTruthy();
      // The resource as read, under a new tag and area; what the database assigns is ignored.
      const copy = await api<OwnAsset>(page, baseURL, "POST", "/api/v1/assets", {
        ...demo,
        siteCode: area.siteCode,
        areaCode: area.code,
        tag: `${tag}-${area.code}`,
        redundancyGroup: null,
      });
      copies[tag] = { id: copy.id, tag: copy.tag };
    }
    return copies;
  });
}

/** A maintenance window in the area through the API, as the site's change manager. */
export async function openWindow(
  browser: Browser,
  baseURL: string,
  area: OwnArea,
  w: { title: string; start: string; durationMinutes: number; rrule?: string; until?: string },
): Promise<void> {
  const manager = area.siteCode === "RHP" ? PEOPLE.rhpChangeManager : PEOPLE.gcrChangeManager;
  await as(browser, manager, (page) =>
    api(page, baseURL, "POST", "/api/v1/windows", {
      siteCode: area.siteCode,
      areaCodes: [area.code],
      kind: "maintenance",
      ...w,
    }),
  );
}

/** Six hours of maintenance window in the area, from an hour ago. */
export async function openWindowAroundNow(
  browser: Browser,
  baseURL: string,
  area: OwnArea,
  title: string,
): Promise<void> {
  const start = new Date(Math.floor((Date.now() - 60 * 60_000) / 60_000) * 60_000);
  await openWindow(browser, baseURL, area, {
    title,
    start: start.toISOString().replace(".000Z", "Z"),
    durationMinutes: 6 * 60,
  });
}

export interface Occurrence {
  kind: "maintenance" | "blackout";
  title: string;
  areaCodes: string[];
  start: string;
  end: string;
}

/** Every window and blackout occurrence at the site in [from, to), page by page. */
export async function occurrences(page: Page, baseURL: string, siteCode: string, from: Date, to: Date) {
  const all: Occurrence[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ site: siteCode, from: from.toISOString(), to: to.toISOString() });
    query.set("limit", "500");
    if (cursor) query.set("cursor", cursor);
    const res: { items: Occurrence[]; nextCursor: string | null } = await api(
      page,
      baseURL,
      "GET",
      `/api/v1/windows?${query}`,
    );
    all.push(...res.items);
    cursor = res.nextCursor;
  } while (cursor);
  return all;
}

/** Whether a blackout of the whole site or of the area overlaps [from, to). */
export function blackedOut(list: Occurrence[], area: OwnArea, from: Date, to: Date): Occurrence | undefined {
  return list.find(
    (o) =>
      o.kind === "blackout" &&
      (o.areaCodes.length === 0 || o.areaCodes.includes(area.code)) &&
      new Date(o.start) < to &&
      new Date(o.end) > from,
  );
}
