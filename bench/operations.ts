// The operations of issue 11's goals table, each as the HTTP request a client sends and as the
// same work in-process (the caller resolved from their token or session, then the service the
// route calls), from which the floor's statements are captured.
import { actorFromSession, actorFromToken } from "@/lib/auth/resolve";
import { createAsset } from "@/lib/services/assets/create";
import { approvalsInbox } from "@/lib/services/changes/list-approvals-inbox";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import { getChange } from "@/lib/services/changes/get";
import { listChanges } from "@/lib/services/changes/list";
import { databaseHealthy } from "@/lib/services/health";
import { calendarData } from "@/lib/services/schedule/calendar-data";
import { checkSlot } from "@/lib/services/schedule/check-slot";
import type { Actors, World } from "./fleet-world";
import type { Request } from "./http";

export interface Operation {
  key: string;
  name: string;
  request: Request;
  inProcess: () => Promise<unknown>;
  /** False for writes: replaying an insert would only collide with the row it made. */
  floor: boolean;
}

const IP = "127.0.0.1";
const SITE = "B03";
/** The month the calendar shows: the seeded changes lie in 2025, under the five-year weekly window. */
const MONTH = { from: "2025-06-01T00:00", to: "2025-07-01T00:00" };
const SLOT = { start: "2025-06-15T01:30", end: "2025-06-15T03:30" };

export function operations(
  world: World,
  actors: Actors,
  tokens: Record<keyof Actors, string>,
  cookie: string,
  waiting: number,
): Operation[] {
  const bearer = (who: keyof Actors) => ({ authorization: `Bearer ${tokens[who]}` });
  const as = (who: keyof Actors) => async () => (await actorFromToken(tokens[who], IP))!;
  let tag = 0;
  const newAsset = () => ({
    siteCode: SITE,
    areaCode: "U1",
    tag: `BENCH-${process.pid}-${Date.now().toString(36)}-${tag++}`,
    name: "Bench asset",
    kind: "plc" as const,
    criticality: "supporting" as const,
  });
  const check = {
    assetIds: [world.assetId],
    start: SLOT.start,
    end: SLOT.end,
    expectedDowntimeMinutes: 30,
    productionImpact: "none" as const,
  };
  return [
    {
      key: "health",
      name: "GET /api/v1/health",
      request: { path: "/api/v1/health" },
      inProcess: () => databaseHealthy(),
      floor: true,
    },
    {
      key: "gate",
      name: "gate dry run (GET /changes/{id}/gate)",
      request: { path: `/api/v1/changes/${world.changeId}/gate`, headers: bearer("implementer") },
      inProcess: async () =>
        evaluateGateFor(await as("implementer")(), world.changeId, undefined, { userAgent: "autocannon" }),
      floor: true,
    },
    {
      key: "view",
      name: "change view (GET /changes/{id})",
      request: { path: `/api/v1/changes/${world.changeId}`, headers: bearer("implementer") },
      inProcess: async () => getChange(await as("implementer")(), world.changeId),
      floor: true,
    },
    {
      key: "list",
      name: "change list, site + state, 50 rows",
      request: {
        path: `/api/v1/changes?site=${SITE}&state=submitted&limit=50`,
        headers: bearer("corporate"),
      },
      inProcess: async () =>
        listChanges(await as("corporate")(), { site: SITE, state: "submitted", limit: 50 }),
      floor: true,
    },
    {
      key: "inbox",
      name: `approvals inbox, ${waiting} waiting (GET /approvals)`,
      request: { path: "/api/v1/approvals", headers: bearer("plant") },
      inProcess: async () => approvalsInbox(await as("plant")()),
      floor: true,
    },
    {
      key: "calendar",
      name: "month calendar page (June 2025)",
      request: { path: `/calendar?site=${SITE}&view=month&date=2025-06-15`, headers: { cookie } },
      inProcess: async () =>
        calendarData((await actorFromSession(actors.corporate.sessionId!, IP))!, { site: SITE, ...MONTH }),
      floor: true,
    },
    {
      key: "check",
      name: "one conflict check (POST /schedule/check)",
      request: {
        path: "/api/v1/schedule/check",
        method: "POST",
        headers: bearer("requester"),
        body: () => JSON.stringify(check),
      },
      inProcess: async () => checkSlot(await as("requester")(), check),
      floor: true,
    },
    {
      key: "asset",
      name: "write: create asset (POST /assets)",
      request: {
        path: "/api/v1/assets",
        method: "POST",
        headers: bearer("requester"),
        body: () => JSON.stringify(newAsset()),
      },
      inProcess: async () => createAsset(await as("requester")(), newAsset()),
      floor: false,
    },
  ];
}
