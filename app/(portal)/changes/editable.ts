import "server-only";
import type { EditableChange } from "@/components/changes/form/form-types";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeView } from "@/lib/types/changes";
import { pickerAssetsByIds } from "@/lib/services/changes/get-picker-assets";

/** The stored change as the edit form's values (the shared schema's input shape). */
export async function editableFromView(actor: Actor, c: ChangeView): Promise<EditableChange> {
  return {
    id: c.id,
    number: c.number,
    version: c.version,
    assets: await pickerAssetsByIds(actor, c.assetIds),
    values: {
      type: c.type,
      class: c.class,
      title: c.title,
      description: c.description,
      justification: c.justification,
      references: c.references,
      assetIds: c.assetIds,
      implementationPlan: c.implementationPlan,
      backoutPlan: c.backoutPlan,
      testedOnTestBench: c.testedOnTestBench,
      vendorQualified: c.vendorQualified,
      testNotes: c.testNotes,
      expectedDowntimeMinutes: c.expectedDowntimeMinutes,
      productionImpact: c.productionImpact,
      safetyImpact: c.safetyImpact,
      safetyBypassRequired: c.safetyBypassRequired,
      plannedStart: c.plannedStart,
      plannedEnd: c.plannedEnd,
      implementerEmail: c.implementerEmail,
      followsChangeId: c.followsChangeId,
      temporaryUntil: c.temporaryUntil,
      standardModelVersionId: c.standardModelVersionId,
    },
  };
}
