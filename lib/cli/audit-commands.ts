import { getDb } from "@/db/client";
import { sealChainHead } from "@/lib/audit/checkpoint";
import { cliActor } from "@/lib/auth/resolve";
import { verifyAudit } from "@/lib/services/audit/verify-audit";
import { ServiceError } from "@/lib/services/base/errors";
import type { Command } from "./commands";

export const AUDIT_COMMANDS: Record<string, Command> = {
  "audit:verify": {
    usage: "walk the audit hash chain and its checkpoints; exit 1 at the first problem",
    options: {},
    async run() {
      const r = await verifyAudit(cliActor());
      if (!r.ok) throw new ServiceError("conflict", `audit trail broken: ${r.broken!.message}`);
      console.log(
        `audit trail intact: ${r.checked} events and ${r.checkpointsChecked} checkpoints checked in ${r.ms} ms` +
          (r.keyConfigured ? "" : " (no checkpoint key configured: checkpoints not checked)"),
      );
    },
  },
  "audit:checkpoint": {
    usage: "sign the chain head now with the checkpoint key",
    options: {},
    async run() {
      const row = await sealChainHead(await getDb(), { reason: "on demand", actorEmail: "cli" });
      if (!row)
        throw new ServiceError(
          "conflict",
          "nothing sealed: the trail is empty or INTERLOCK_AUDIT_KEY is not set",
        );
      console.log(`checkpoint #${row.id} seals event #${row.eventId} (${row.eventHash})`);
    },
  },
};
