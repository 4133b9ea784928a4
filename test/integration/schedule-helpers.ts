// Rows the scheduling tests need from other features (assets, changes), written directly:
// the scheduling services only read them.
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { assets, changeAssets, changes } from "@/db/schema";
import type { ChangeState, ProductionImpact } from "@/lib/domain/constants";
import type { Actor } from "@/lib/auth/actor";
import type { CreateChangeInput } from "@/lib/schemas/changes";
import { createAsset } from "@/lib/services/assets/create";

const HOUR = 3_600_000;

/** A supporting PLC created through the service (as a requester would), by tag; its id. */
export async function plcAt(
  actor: Actor,
  siteCode: string,
  areaCode: string,
  tag: string,
  redundancyGroup?: string,
): Promise<string> {
  const created = await createAsset(actor, {
    siteCode,
    areaCode,
    tag,
    name: tag,
    kind: "plc",
    criticality: "supporting",
    ...(redundancyGroup ? { redundancyGroup } : {}),
  });
  return created.id;
}

/** A complete security patch on these assets, four hours from `start` (the gate tests' change). */
export function patchInput(
  assetIds: string[],
  implementerEmail: string,
  start: number,
  extra: Partial<CreateChangeInput> = {},
): CreateChangeInput {
  return {
    type: "security_patch",
    class: "normal",
    title: "Patch controller",
    description: "Apply the vendor patch.",
    justification: "Fixes CVE-2024-12345.",
    references: ["CVE-2024-12345"],
    assetIds,
    implementationPlan: "Backup, patch, verify.",
    backoutPlan: "Restore the backup.",
    testedOnTestBench: true,
    vendorQualified: true,
    plannedStart: new Date(start).toISOString(),
    plannedEnd: new Date(start + 4 * HOUR).toISOString(),
    implementerEmail,
    ...extra,
  };
}

export async function insertAsset(
  db: Db,
  siteId: string,
  areaId: string | null,
  tag: string,
  redundancyGroup: string | null = null,
) {
  const [row] = await db
    .insert(assets)
    .values({
      siteId,
      areaId,
      tag,
      name: tag,
      kind: "plc",
      criticality: "production_critical",
      redundancyGroup,
    })
    .returning();
  return row!;
}

let n = 0;
export async function insertChange(
  db: Db,
  requesterId: string,
  fields: {
    state: ChangeState;
    start: string;
    end: string;
    assets: { id: string; siteId: string }[];
    productionImpact?: ProductionImpact;
    downtime?: number;
  },
) {
  n++;
  const [row] = await db
    .insert(changes)
    .values({
      number: `CHG-TEST-${randomUUID().slice(0, 8)}-${n}`,
      type: "security_patch",
      class: "normal",
      title: `Test change ${n}`,
      state: fields.state,
      requesterId,
      plannedStart: new Date(fields.start),
      plannedEnd: new Date(fields.end),
      productionImpact: fields.productionImpact ?? "none",
      expectedDowntimeMinutes: fields.downtime ?? 0,
      siteIds: [...new Set(fields.assets.map((a) => a.siteId))],
    })
    .returning();
  await db
    .insert(changeAssets)
    .values(fields.assets.map((a) => ({ changeId: row!.id, assetId: a.id, siteId: a.siteId })));
  return row!;
}
