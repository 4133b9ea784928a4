"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { FormResult } from "@/lib/schemas/form-result";
import { requireActor } from "@/lib/auth/session";
import type { RunContentInput, WindowContentInput, WindowUpdateInput } from "@/lib/schemas/schedule";
import type { FeedGrantView } from "@/components/schedule/feed-subscription";
import { createCalendarFeed } from "@/lib/services/schedule/create-calendar-feed";
import { createRun } from "@/lib/services/schedule/create-run";
import { deleteRun } from "@/lib/services/schedule/delete-run";
import { importRunsCsv, type RowError } from "@/lib/services/schedule/import-runs";
import type { RunImportReport } from "@/lib/types/schedule";
import { updateRun } from "@/lib/services/schedule/update-run";
import { isServiceError } from "@/lib/services/base/errors";
import { cancelOccurrence } from "@/lib/services/schedule/cancel-occurrence";
import { createWindow } from "@/lib/services/schedule/create-window";
import { deleteWindow } from "@/lib/services/schedule/delete-window";
import { endSeries } from "@/lib/services/schedule/end-series";
import { updateWindow } from "@/lib/services/schedule/update-window";
import { attempt, formFailure } from "@/lib/http/form-result";

function refresh() {
  revalidatePath("/schedule", "layout");
  revalidatePath("/calendar");
}

export async function createWindowAction(
  site: string,
  input: WindowContentInput,
): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt(
    "schedule",
    async () => ({ id: (await createWindow(actor, { ...input, siteCode: site })).id }),
    "Window created.",
  );
  if (result.ok) refresh();
  return result;
}

export async function updateWindowAction(
  id: string,
  sequence: number,
  input: WindowUpdateInput,
): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt(
    "schedule",
    async () => ({ id: (await updateWindow(actor, id, input, { expectedSequence: sequence })).id }),
    "Window saved.",
  );
  if (result.ok) refresh();
  return result;
}

/** `occurrenceStart` is the occurrence's UTC instant (ISO), as listed. */
export async function cancelOccurrenceAction(
  windowId: string,
  occurrenceStart: string,
): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt(
    "schedule",
    async () => ({ id: (await cancelOccurrence(actor, windowId, { occurrenceStart })).id }),
    "Occurrence cancelled.",
  );
  if (result.ok) refresh();
  return result;
}

/** `until` is the last local day of the series ("YYYY-MM-DD"), inclusive. */
export async function endSeriesAction(windowId: string, until: string): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt(
    "schedule",
    async () => ({ id: (await endSeries(actor, windowId, { until })).id }),
    "Series ended.",
  );
  if (result.ok) refresh();
  return result;
}

export async function deleteWindowAction(
  windowId: string,
  sequence: number,
): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt(
    "schedule",
    async () => ({ id: (await deleteWindow(actor, windowId, { expectedSequence: sequence })).id }),
    "Window deleted.",
  );
  if (result.ok) refresh();
  return result;
}

export async function createRunAction(
  site: string,
  input: RunContentInput,
): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt(
    "schedule",
    async () => ({ id: (await createRun(actor, { ...input, siteCode: site })).id }),
    "Run added.",
  );
  if (result.ok) refresh();
  return result;
}

export async function updateRunAction(
  id: string,
  sequence: number,
  input: RunContentInput,
): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt(
    "schedule",
    async () => ({ id: (await updateRun(actor, id, input, { expectedSequence: sequence })).id }),
    "Run saved.",
  );
  if (result.ok) refresh();
  return result;
}

export async function deleteRunAction(id: string, sequence: number): Promise<FormResult<{ id: string }>> {
  const actor = await requireActor();
  const result = await attempt(
    "schedule",
    async () => ({ id: (await deleteRun(actor, id, { expectedSequence: sequence })).id }),
    "Run deleted.",
  );
  if (result.ok) refresh();
  return result;
}

const PREVIEW_ROWS = 20;

/** CSV import of production runs; a dry run reports every bad cell and writes nothing. */
export async function importRunsAction(
  site: string,
  csvText: string,
  dryRun: boolean,
): Promise<FormResult<RunImportReport>> {
  const actor = await requireActor();
  try {
    const r = await importRunsCsv(actor, { siteCode: site, csvText, dryRun });
    if (!r.dryRun) refresh();
    const sample = r.runs.slice(0, PREVIEW_ROWS).map((v) => ({
      title: v.title,
      areaCode: v.areaCode,
      kind: v.kind,
      criticality: v.criticality,
      localStart: v.localStart,
      localEnd: v.localEnd,
    }));
    return { ok: true, data: { dryRun: r.dryRun, valid: r.valid, count: r.count, errors: r.errors, sample } };
  } catch (e) {
    // A real import of a bad file is refused with the same row list a dry run gives.
    const rowErrors = isServiceError(e) ? (e.details.rowErrors as RowError[] | undefined) : undefined;
    if (rowErrors)
      return { ok: true, data: { dryRun, valid: false, count: 0, errors: rowErrors, sample: [] } };
    return formFailure(e, "schedule");
  }
}

/** The origin the browser used, so the subscription URL works from where the user is. */
async function requestOrigin(): Promise<string> {
  const h = await headers();
  const origin = h.get("origin");
  if (origin && /^https?:\/\/[^/]+$/.test(origin)) return origin;
  const host = h.get("x-forwarded-host") ?? h.get("host");
  const proto = h.get("x-forwarded-proto") ?? "http";
  return host ? `${proto}://${host}` : (process.env.NEXTAUTH_URL ?? "http://localhost:3000");
}

/** A new secret calendar-feed URL for the signed-in user (revoking the earlier one), shown once. */
export async function createFeedAction(): Promise<FormResult<FeedGrantView>> {
  const actor = await requireActor();
  const baseUrl = await requestOrigin();
  return attempt(
    "schedule",
    async () => {
      const grant = await createCalendarFeed(actor, { baseUrl });
      return { feeds: grant.feeds };
    },
    "Subscription URL created.",
  );
}
