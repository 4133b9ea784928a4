// An auditor can change nothing: every mutating handler under app/api/v1 is found on disk and
// called with an auditor's token (all scopes, so the refusal is the role's, not the token's), on
// real objects the auditor can see. A route added later is covered without touching this file.
import fs from "node:fs";
import path from "node:path";
import { gt, max } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { readAuditPayload } from "@/lib/audit/events";
import { importAdvisory } from "@/lib/services/advisories/import-advisory";
import { scheduleMeeting } from "@/lib/services/board/schedule-meeting";
import { getModel } from "@/lib/services/catalog/get-model";
import { proposeModel } from "@/lib/services/catalog/propose-model";
import { createDelegation } from "@/lib/services/delegations/create-delegation";
import { createChange } from "@/lib/services/changes/create";
import { getChange } from "@/lib/services/changes/get";
import { submitChange } from "@/lib/services/changes/submit";
import { createRun } from "@/lib/services/schedule/create-run";
import { createWindow } from "@/lib/services/schedule/create-window";
import { createToken } from "@/lib/services/tokens/create-token";
import { createWebhook } from "@/lib/services/webhooks/create-webhook";
import { sendTestWebhook } from "@/lib/services/webhooks/send-test";
import { useTestDatabase } from "../db";
import { PASSWORD, makeUser } from "../fixtures";
import { csaf } from "./advisories-helpers";
import { MODEL_CONTENT } from "./catalog-helpers";
import { call, type Handler } from "./api-helpers";
import { HOUR, changeWorld, draft } from "./changes-helpers";

// Never delivered: the test runs no job poller.
const HOOK_URL = "http://127.0.0.1:9/hooks/interlock";
const HOOK_SECRET = "auditor-refused-test-secret-0123456789";
const ROOT = path.resolve(__dirname, "../../app/api/v1");
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** The mutations an auditor is meant to make, each with why: none touches plant data or anyone else's. */
const AUDITOR_MAY: Record<string, string> = {
  "POST /tokens": "their own API token, to pull the trail from a script",
  "POST /calendar-feeds": "their own calendar feed URL",
  "DELETE /calendar-feeds": "revoking their own calendar feed URLs",
  "POST /audit/checkpoints": "sealing the trail's head is part of the auditor's job (audit.verify)",
  "POST /schedule/check": "a question, not a change: it checks a proposed slot and writes nothing",
  "POST /notifications/{id}/read": "marking their own notifications read",
  "PUT /notifications/preferences": "how they themselves are told (their own preferences only)",
};

interface Operation {
  method: (typeof MUTATING)[number];
  /** As the OpenAPI document spells it: /changes/{id}/start. */
  template: string;
  file: string;
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return routeFiles(full);
    return d.name === "route.ts" ? [full] : [];
  });
}

async function operations(): Promise<Operation[]> {
  const out: Operation[] = [];
  for (const file of routeFiles(ROOT).sort()) {
    const mod = (await import(file)) as Record<string, unknown>;
    const rel = path.relative(ROOT, path.dirname(file)).split(path.sep).join("/");
    const template = `/${rel}`.replace(/\[([^\]]+)\]/g, "{$1}");
    for (const method of MUTATING)
      if (typeof mod[method] === "function") out.push({ method, template, file });
  }
  return out;
}

let db: Db;
let token: string;
/** A real object the auditor can see for each path parameter, by the collection it belongs to. */
const objects: Record<string, string> = {};
let all: Operation[];
/**
 * A body each operation would accept from someone allowed to make it, so that a refusal cannot
 * be a validation error in disguise (422): a route not named here gets `{}`, and if that is not
 * refused for the role the test fails and asks for a body.
 */
let bodies: Record<
  string,
  { body: unknown; headers?: Record<string, string>; objects?: Record<string, string> }
>;

beforeAll(async () => {
  db = await useTestDatabase();
  const w = await changeWorld();
  const { requester, boardA, auditor } = w.people;
  const security = await makeUser(["PLA:security"]);
  const change = await createChange(requester.actor, draft(w, [w.assets.plc.id]));
  const start = new Date(Math.floor((Date.now() + 30 * 24 * HOUR) / 60_000) * 60_000);
  const window = await createWindow(boardA.actor, {
    siteCode: "PLA",
    kind: "maintenance",
    title: "Auditor test window",
    start: start.toISOString(),
    durationMinutes: 60,
    rrule: "FREQ=WEEKLY;COUNT=4",
  });
  const run = await createRun(boardA.actor, {
    siteCode: "PLA",
    areaCode: "U1",
    title: "Auditor test run",
    kind: "run",
    criticality: "normal",
    start: start.toISOString(),
    end: new Date(start.getTime() + 8 * HOUR).toISOString(),
  });
  const advisory = await importAdvisory(security.actor, csaf("icsa-24-018-01"));
  const someoneElses = await createToken(requester.actor, { name: "requester's", days: 30 });
  const later = (days: number) => new Date(Date.now() + days * 24 * HOUR).toISOString();
  const shown = await getChange(auditor.actor, change.id);
  // Signing needs a change awaiting sign-offs, or the state (409) would answer before the role.
  const submitted = await submitChange(
    requester.actor,
    (await createChange(requester.actor, draft(w, [w.assets.plc2.id]))).id,
  );
  const occurrence = window.start;
  // Issue 15: a board meeting, a proposed standard change model and a delegation the auditor can see.
  const [meeting] = await scheduleMeeting(boardA.actor, {
    siteCode: "PLA",
    title: "Auditor test board",
    startsAt: later(3),
    durationMinutes: 60,
  });
  const model = await proposeModel(boardA.actor, { siteCode: "PLA", ...MODEL_CONTENT });
  const modelHash = (await getModel(boardA.actor, model.id)).versions.find(
    (v) => v.state === "proposed",
  )!.contentHash;
  const delegate = await makeUser(["PLA:requester"], { name: "Dee Delegate" });
  const day = (d: number) => later(d).slice(0, 10);
  const delegation = await createDelegation(w.people.opsA.actor, {
    delegateEmail: delegate.email,
    siteCode: "PLA",
    role: "operations",
    startDate: day(2),
    endDate: day(5),
  });
  bodies = {
    "POST /advisories/{id}/applicability": { body: { siteCode: "PLA", applicable: true, reason: "Checked" } },
    "POST /advisories/{id}/decisions": {
      body: { assetId: w.assets.plc.id, status: "affected", reason: "Checked" },
    },
    "POST /advisories/{id}/mitigation-plan": {
      body: { siteCode: "PLA", actions: "Isolate", targetDate: later(20), approverEmail: boardA.email },
    },
    "POST /advisories/{id}/mitigation-plan/extensions": {
      body: { siteCode: "PLA", targetDate: later(40), reason: "Vendor late", password: PASSWORD },
    },
    "POST /assets": {
      body: {
        siteCode: "PLA",
        areaCode: "U1",
        tag: "AUD-1",
        name: "x",
        kind: "plc",
        criticality: "supporting",
      },
    },
    "POST /assets/import": {
      body: { siteCode: "PLA", csv: "tag,name,kind,criticality\r\nAUD-2,Pump,plc,supporting\r\n" },
    },
    "PATCH /assets/{id}": { body: { name: "Renamed" }, headers: { "if-match": '"1"' } },
    "POST /changes": { body: draft(w, [w.assets.plc2.id]) },
    "PATCH /changes/{id}": { body: { title: "Renamed" }, headers: { "if-match": `"${shown.version}"` } },
    "POST /changes/{id}/signoffs": {
      objects: { "changes/{id}": submitted.id },
      body: {
        role: "operations",
        siteCode: "PLA",
        decision: "approve",
        password: PASSWORD,
        contentHash: (await getChange(auditor.actor, submitted.id)).contentHash,
      },
    },
    "POST /changes/{id}/complete": { body: { outcome: "success" } },
    "POST /changes/{id}/extensions": { body: { until: later(40), reason: "The vendor needs more time" } },
    "POST /changes/{id}/extensions/signoffs": {
      body: {
        role: "operations",
        siteCode: "PLA",
        decision: "approve",
        password: PASSWORD,
        contentHash: "0".repeat(64),
      },
    },
    "POST /changes/{id}/close": { body: { securityControlsVerified: true, baselineUpdated: true } },
    "POST /production-runs": {
      body: {
        site: "PLA",
        area: "U1",
        title: "x",
        kind: "run",
        criticality: "low",
        start: later(60),
        end: later(61),
      },
    },
    "PATCH /production-runs/{id}": { body: { title: "Renamed" }, headers: { "if-match": '"1"' } },
    "POST /production-runs/import": {
      body: {
        siteCode: "PLA",
        csv: `areaCode,title,kind,criticality,start,end\r\nU1,x,run,low,${later(70)},${later(71)}\r\n`,
      },
    },
    "POST /windows": {
      body: { siteCode: "PLA", kind: "maintenance", title: "x", start: later(80), durationMinutes: 60 },
    },
    "PATCH /windows/{id}": { body: { title: "Renamed" }, headers: { "if-match": '"1"' } },
    "POST /windows/{id}/cancel-occurrence": { body: { occurrenceStart: occurrence } },
    "POST /windows/{id}/end-series": { body: { until: later(40).slice(0, 10) } },
    "POST /sites": { body: { code: "AUX", name: "x", timeZone: "UTC" } },
    "POST /sites/{code}/areas": { body: { code: "U9", name: "x" } },
    "POST /webhooks": {
      body: { siteCode: "PLA", url: HOOK_URL, events: ["gate.refused"], secret: HOOK_SECRET },
    },
    "POST /webhooks/{id}/secret": { body: { secret: `${HOOK_SECRET}-rotated` } },
    "POST /board-meetings": {
      body: { siteCode: "PLA", title: "x", startsAt: later(6), durationMinutes: 60 },
    },
    "POST /board-meetings/{id}/decisions": {
      body: {
        changeId: submitted.id,
        decision: "approve",
        reason: "",
        password: PASSWORD,
        contentHash: (await getChange(auditor.actor, submitted.id)).contentHash,
      },
    },
    "PUT /board-meetings/{id}/minutes": { body: { attendees: ["Audrey Auditor"], notes: "x" } },
    "POST /standard-models": { body: { siteCode: "PLA", ...MODEL_CONTENT } },
    "PATCH /standard-models/{id}": { body: { ...MODEL_CONTENT, basedOnVersion: 1 } },
    "POST /standard-models/{id}/signoffs": {
      body: { decision: "approve", password: PASSWORD, contentHash: modelHash },
    },
    "POST /standard-models/{id}/retire": { body: { reason: "No longer needed" } },
    "POST /delegations": {
      body: {
        delegateEmail: delegate.email,
        siteCode: "PLA",
        role: "operations",
        startDate: day(7),
        endDate: day(9),
      },
    },
    "POST /delegations/{id}/revoke": { body: { reason: "" } },
  };
  const hook = await createWebhook(w.people.admin.actor, {
    siteCode: "PLA",
    url: HOOK_URL,
    events: ["gate.refused"],
    secret: HOOK_SECRET,
  });
  const ping = await sendTestWebhook(w.people.admin.actor, hook.id);
  Object.assign(objects, {
    "changes/{id}": change.id,
    "assets/{id}": w.assets.plc.id,
    "windows/{id}": window.id,
    "production-runs/{id}": run.id,
    "advisories/{id}": advisory.advisory.id,
    "tokens/{id}": someoneElses.id,
    "sites/{code}": "PLA",
    "webhooks/{id}": hook.id,
    "deliveries/{id}": ping.deliveryId,
    "board-meetings/{id}": meeting!.id,
    "standard-models/{id}": model.id,
    "delegations/{id}": delegation.id,
  });
  token = (await createToken(auditor.actor, { name: "audit", days: 30, scopes: ["read", "write", "sign"] }))
    .token;
  // Importing every route compiles most of the app: slow on a loaded machine, not a hang.
  all = await operations();
}, 300_000);

/** What the trail gained since `before`: nothing, or a refused start attempt (the gate's evidence). */
async function recorded(before: number | null): Promise<string> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.id, before ?? 0));
  if (rows.length === 0) return "";
  const refusedStart = rows.every((r) => {
    const p = readAuditPayload(r);
    return (
      p?.action === "gate.decision" &&
      !p.after.allowed &&
      !p.after.dryRun &&
      p.after.reasons.some((x) => x.code === "not_implementer")
    );
  });
  return refusedStart ? " refused start" : ` (trail moved: ${rows.map((r) => r.action).join(", ")})`;
}

const head = async () => (await db.select({ id: max(auditEvents.id) }).from(auditEvents))[0]!.id;

function pathFor(
  op: Operation,
  own: Record<string, string> = {},
): { path: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const filled = op.template.replace(/([^/]+)\/\{([^}]+)\}/g, (whole, collection: string, name: string) => {
    const value = own[`${collection}/{${name}}`] ?? objects[`${collection}/{${name}}`];
    if (!value) throw new Error(`No test object for ${whole} (${op.file}): add one to beforeAll.`);
    params[name] = value;
    return `${collection}/${encodeURIComponent(value)}`;
  });
  return { path: `/api/v1${filled}`, params };
}

describe("an auditor through the API", () => {
  it("finds the mutating routes on disk, and every exception names a route that exists", () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
    const keys = new Set(all.map((o) => `${o.method} ${o.template}`));
    for (const k of Object.keys(AUDITOR_MAY)) expect(keys, k).toContain(k);
  });

  it("is refused every mutation, and the trail records nothing", { timeout: 300_000 }, async () => {
    const outcomes: string[] = [];
    for (const op of all) {
      const key = `${op.method} ${op.template}`;
      if (AUDITOR_MAY[key]) continue;
      const mod = (await import(op.file)) as Record<string, Handler>;
      const given = bodies[key] ?? { body: {} };
      const { path: p, params } = pathFor(op, given.objects);
      const before = await head();
      const answer = await call(mod[op.method]!, {
        method: op.method,
        path: p,
        params,
        token,
        body: JSON.stringify(given.body),
        headers: given.headers,
      });
      outcomes.push(`${key} → ${answer.status}${await recorded(before)}`);
    }
    // 403 for what the role may not do; 404 for what is not the auditor's to see (another's token);
    // 409 only for a start attempt, which the gate refuses (not_implementer) and records as evidence.
    const wrong = outcomes.filter(
      (o) => !/→ 40[34]$/.test(o) && !/^POST \/changes\/\{id\}\/start → 409 refused start$/.test(o),
    );
    expect(wrong, outcomes.join("\n")).toEqual([]);
  });
});
