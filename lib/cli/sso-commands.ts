import { cliActor } from "@/lib/auth/resolve";
import { ServiceError } from "@/lib/services/base/errors";
import { createRoleMapping } from "@/lib/services/sso/create-mapping";
import { deleteRoleMapping } from "@/lib/services/sso/delete-mapping";
import { decideHeldRole } from "@/lib/services/sso/decide-held-role";
import { listHeldRoles } from "@/lib/services/sso/list-held-roles";
import { listRoleMappings } from "@/lib/services/sso/list-mappings";
import type { Command } from "./commands";

type Values = Parameters<Command["run"]>[0];

function text(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

function siteRole(values: Values): { siteCode: string; role: string } {
  const [siteCode, role] = (text(values, "grant") ?? "").split(":");
  if (!siteCode || !role) throw new ServiceError("invalid", "--grant SITE:ROLE is required.");
  return { siteCode, role };
}

/** The IdP role mapping, and the roles held back for administrators' own accounts. */
export const SSO_COMMANDS: Record<string, Command> = {
  "sso:map": {
    usage: "--value GROUP --grant SITE:ROLE [--claim groups]   whoever has GROUP in the claim gets the role",
    options: { claim: { type: "string" }, value: { type: "string" }, grant: { type: "string" } },
    async run(v) {
      const m = await createRoleMapping(cliActor(), {
        claim: text(v, "claim"),
        value: text(v, "value") ?? "",
        ...siteRole(v),
      });
      console.log(`mapped ${m.claim}=${m.value} → ${m.siteCode}:${m.role} (${m.id})`);
    },
  },
  "sso:unmap": {
    usage: "--id ID   removes a mapping and the IdP grants it gave",
    options: { id: { type: "string" } },
    async run(v) {
      const r = await deleteRoleMapping(cliActor(), text(v, "id") ?? "");
      console.log(`removed; ${r.revokedGrants} grant(s) revoked`);
    },
  },
  "sso:mappings": {
    usage: "lists the mappings (id, claim=value, SITE:role)",
    options: {},
    async run() {
      const rows = await listRoleMappings(cliActor());
      if (!rows.length) console.log("no mappings");
      for (const m of rows) console.log(`${m.id}  ${m.claim}=${m.value}  ${m.siteCode}:${m.role}`);
    },
  },
  "sso:held": {
    usage: "[--approve ID | --decline ID]   lists or decides roles held for administrators' own accounts",
    options: { approve: { type: "string" }, decline: { type: "string" } },
    async run(v) {
      const approve = text(v, "approve");
      const decline = text(v, "decline");
      if (approve || decline) {
        await decideHeldRole(cliActor(), (approve ?? decline)!, {
          decision: approve ? "approved" : "declined",
        });
        console.log(approve ? "approved" : "declined");
        return;
      }
      const rows = await listHeldRoles(cliActor());
      if (!rows.length) console.log("nothing held");
      for (const h of rows) console.log(`${h.id}  ${h.email}  ${h.siteCode}:${h.role}  (${h.claim})`);
    },
  },
};
