import { pdfText } from "../pdf-text";
import { beforeAll, describe, expect, it } from "vitest";
import { changeRecordPdf } from "@/lib/pdf/change-record";
import { createChange } from "@/lib/services/changes/create";
import { closeChange } from "@/lib/services/changes/close";
import { completeChange } from "@/lib/services/changes/complete";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { getChangeRecord } from "@/lib/services/records/get-change-record";
import { useTestDatabase } from "../db";
import { makeUser } from "../fixtures";
import { CHECKED_IMAGE, changeWorld, codeOf, draft, sign, type World } from "./changes-helpers";

let w: World;
beforeAll(async () => {
  await useTestDatabase();
  w = await changeWorld();
}, 180_000);

describe("change record PDF", () => {
  it("parses and holds every signer's printed name and meaning, superseded ones marked, versions and the last event", async () => {
    const { requester, implementer, opsA, securityA, safetyA } = w.people;
    const c = await createChange(
      requester.actor,
      draft(w, [w.assets.sis.id], { title: "Triconex firmware 11.3" }),
    );
    await submitChange(requester.actor, c.id);
    await sign(opsA.actor, c.id, "operations", { siteCode: "PLA" });
    await sign(securityA.actor, c.id, "security");
    const approved = await sign(safetyA.actor, c.id, "safety");
    await updateChange(
      requester.actor,
      c.id,
      { backoutPlan: "Flash 11.2 from the vault copy." },
      approved.version,
    );
    await sign(opsA.actor, c.id, "operations", { siteCode: "PLA" });
    await sign(securityA.actor, c.id, "security");
    await sign(safetyA.actor, c.id, "safety");
    await startChange(implementer.actor, c.id);
    await completeChange(implementer.actor, c.id, { outcome: "success", integrity: CHECKED_IMAGE });
    await sign(safetyA.actor, c.id, "pssr");
    await closeChange(implementer.actor, c.id, {
      securityControlsVerified: true,
      baselineUpdated: true,
      baselineUpdates: [{ assetId: w.assets.sis.id, version: "11.3" }],
    });

    const record = await getChangeRecord(w.people.auditor.actor, c.id);
    const text = await pdfText(await changeRecordPdf(record));
    expect(text).toContain(`${record.change.number}: Triconex firmware 11.3`);
    expect(record.change.signoffs.length).toBe(7);
    for (const s of record.change.signoffs) {
      expect(text).toContain(s.signerName);
      expect(text).toContain(s.meaning);
    }
    expect(text.match(/SUPERSEDED/g)?.length).toBe(3);
    expect(text).toContain("Version before: 11.2");
    expect(text).toContain("Version after: 11.3");
    expect(text).toContain("Flash 11.2 from the vault copy.");
    expect(text).toContain("Start attempt: allowed");
    expect(text).toContain(
      "Integrity check: Passed: fw-11.3.bin: SHA-256 matches the vendor's published value",
    );
    expect(text).toContain(`Vendor's SHA-256: ${"3f".repeat(32)}`);
    expect(text).toContain("Integrity checked by: Ivan Implementer");
    expect(text).toContain(record.lastEvent!.hash);
    expect(text).toContain(`#${record.lastEvent!.id}`);
    expect(text).toMatch(/Signed \(site time\): \d{4}-\d\d-\d\d \d\d:\d\d:\d\d C[SD]T \(America\/Chicago\)/);
  });

  it("is not found for a change the reader cannot see", async () => {
    const c = await createChange(w.people.requester.actor, draft(w, [w.assets.plcB.id]));
    const onlyA = await makeUser(["PLA:auditor"]);
    expect(await codeOf(getChangeRecord(onlyA.actor, c.id))).toBe("not_found");
    expect(await codeOf(getChangeRecord(onlyA.actor, "not-a-uuid"))).toBe("not_found");
  });
});
