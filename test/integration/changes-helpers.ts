// A small two-plant world for the change-request tests: sites with maintenance windows open
// around now, assets of each flavour the policy cares about, and one person per role.
import type { Actor } from "@/lib/auth/actor";
import type { CreateChangeInput } from "@/lib/schemas/changes";
import { createAsset } from "@/lib/services/assets/create";
import { getChange } from "@/lib/services/changes/get";
import { signChange } from "@/lib/services/changes/sign";
import { createWindow } from "@/lib/services/schedule/create-window";
import { isServiceError } from "@/lib/services/base/errors";
import { PASSWORD, makeSite, makeUser } from "../fixtures";

export const HOUR = 3_600_000;

/** Whole minutes (windows are defined to the minute). */
const minute = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000);

export async function changeWorld() {
  const siteA = await makeSite("PLA", "America/Chicago", ["U1", "U2"]);
  const siteB = await makeSite("PLB", "Europe/Berlin", ["P1"]);
  const people = {
    requester: await makeUser(["PLA:requester", "PLB:requester"], { name: "Rita Requester" }),
    implementer: await makeUser(["PLA:requester", "PLB:requester"], { name: "Ivan Implementer" }),
    opsA: await makeUser(["PLA:operations"], { name: "Olga Operations" }),
    opsB: await makeUser(["PLB:operations"], { name: "Otto Operations" }),
    safetyA: await makeUser(["PLA:safety"], { name: "Sofia Safety" }),
    securityA: await makeUser(["PLA:security"], { name: "Sam Security" }),
    securityB: await makeUser(["PLB:security"], { name: "Sven Security" }),
    qualityB: await makeUser(["PLB:quality"], { name: "Quinn Quality" }),
    boardA: await makeUser(["PLA:change_manager"], { name: "Carla Board" }),
    opsAndSecurity: await makeUser(["PLA:operations", "PLA:security"], { name: "Dual Role" }),
    auditor: await makeUser(["PLA:auditor", "PLB:auditor"], { name: "Audrey Auditor" }),
    admin: await makeUser([], { isAdmin: true, name: "Adam Admin" }),
    onlyA: await makeUser(["PLA:requester", "PLA:security"], { name: "Only A" }),
  };
  const req = people.requester.actor;
  const asset = (input: Record<string, unknown>) =>
    createAsset(req, { kind: "plc", criticality: "supporting", ...input });
  const assets = {
    plc: await asset({ siteCode: "PLA", areaCode: "U1", tag: "PLC-101", name: "Feed pumps" }),
    plc2: await asset({ siteCode: "PLA", areaCode: "U1", tag: "PLC-102", name: "Compressor" }),
    sis: await asset({
      siteCode: "PLA",
      areaCode: "U2",
      tag: "SIS-201",
      name: "Triconex",
      kind: "sis_logic_solver",
      criticality: "safety_critical",
      safetyRelated: true,
      version: "11.2",
    }),
    gxp: await asset({ siteCode: "PLB", areaCode: "P1", tag: "PLC-301", name: "Filler", gxp: true }),
    plcB: await asset({ siteCode: "PLB", areaCode: "P1", tag: "PLC-302", name: "Capper" }),
  };
  const windowStart = minute(Date.now() - 2 * 24 * HOUR).toISOString();
  for (const site of ["PLA", "PLB"]) {
    const manager = await makeUser([`${site}:change_manager`]);
    await createWindow(manager.actor, {
      site,
      kind: "maintenance",
      title: "Test window",
      start: windowStart,
      durationMinutes: 7 * 24 * 60,
    });
  }
  return { siteA, siteB, people, assets };
}
export type World = Awaited<ReturnType<typeof changeWorld>>;

/** A complete, submittable normal change whose slot is open now. */
export function draft(
  w: World,
  assetIds: string[],
  overrides: Partial<CreateChangeInput> = {},
): CreateChangeInput {
  const now = Date.now();
  return {
    type: "firmware_update",
    class: "normal",
    title: "Update controller firmware",
    description: "Apply the vendor's firmware update.",
    justification: "Fixes CVE-2024-12345.",
    references: ["CVE-2024-12345", "ICSA-24-123-01"],
    assetIds,
    implementationPlan: "Download, verify checksum, flash, verify.",
    backoutPlan: "Flash the previous firmware image.",
    testedOnTestBench: true,
    vendorQualified: true,
    plannedStart: new Date(now - HOUR).toISOString(),
    plannedEnd: new Date(now + 3 * HOUR).toISOString(),
    implementerEmail: w.people.implementer.email,
    ...overrides,
  };
}

/** An emergency change of high risk (change board owed retrospectively), as on PLC-102. */
export const EMERGENCY_HIGH_RISK: Partial<CreateChangeInput> = {
  class: "emergency",
  safetyImpact: "possible",
  productionImpact: "outage",
  expectedDowntimeMinutes: 300,
  testedOnTestBench: false,
  vendorQualified: false,
};

/** An integrity check that passed (CIP-010 R1.6): what reporting a patch or firmware success needs. */
export const CHECKED_IMAGE = {
  method: "sha256",
  fileName: "fw-11.3.bin",
  computedSha256: "3f".repeat(32),
  publishedSha256: "3F".repeat(32),
} as const;

/** Signs as the signer would from the change page: over the content hash the change shows them now. */
export async function sign(
  actor: Actor,
  id: string,
  role: Parameters<typeof signChange>[2]["role"],
  extra: Partial<Parameters<typeof signChange>[2]> = {},
) {
  const contentHash = extra.contentHash ?? (await shownHash(actor, id));
  return signChange(actor, id, { role, decision: "approve", password: PASSWORD, contentHash, ...extra });
}

/** The content hash a change page shows this actor (not found when they cannot see it). */
export async function shownHash(actor: Actor, id: string): Promise<string> {
  return (await getChange(actor, id)).contentHash;
}

/** The ServiceError code a promise rejects with ("ok" when it resolves). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (isServiceError(e)) return e.code;
    throw e;
  }
}

export async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isServiceError(e)) return e;
    throw e;
  }
  throw new Error("expected a ServiceError");
}

export async function stateOf(actor: Actor, id: string) {
  return (await getChange(actor, id)).state;
}
