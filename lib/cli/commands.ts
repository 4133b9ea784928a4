import type { ParseArgsConfig } from "node:util";
import { getDb } from "@/db/client";
import { describeDemoSeed, seedDemo } from "@/lib/seed/demo";
import { cliActor } from "@/lib/auth/resolve";
import { SITE_ROLES } from "@/lib/domain/constants";
import { parseGrant } from "@/lib/schemas/users";
import { createArea } from "@/lib/services/sites/create-area";
import { createSite } from "@/lib/services/sites/create-site";
import { mintTokenFor } from "@/lib/services/tokens/mint-token";
import { createUser } from "@/lib/services/users/create-user";
import { grantRole } from "@/lib/services/users/grant-role";
import { revokeRole } from "@/lib/services/users/revoke-role";
import { setUserDisabled } from "@/lib/services/users/set-user-disabled";
import { ServiceError } from "@/lib/services/base/errors";
import { ADVISORY_COMMANDS } from "./advisory-commands";
import { AUDIT_COMMANDS } from "./audit-commands";
import { DATABASE_COMMANDS } from "./database-commands";
import { SSO_COMMANDS } from "./sso-commands";

type Values = Record<string, string | boolean | string[] | undefined>;
export interface Command {
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Values, positionals: string[]): Promise<void>;
}

function need(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== "string" || !v.trim()) throw new ServiceError("invalid", `--${name} is required.`);
  return v;
}

function grants(values: Values) {
  const raw = (values.grant as string[] | undefined) ?? [];
  return raw.map((g) => {
    const r = parseGrant(g);
    if (!r.success)
      throw new ServiceError(
        "invalid",
        `--grant ${g}: use SITE:ROLE with ROLE one of ${SITE_ROLES.join(", ")}.`,
      );
    return r.data;
  });
}

export const COMMANDS: Record<string, Command> = {
  "db:migrate": {
    usage: "apply database migrations",
    options: {},
    async run() {
      await getDb();
      console.log("migrations applied");
    },
  },
  "seed:demo": {
    usage: "[--now ISO-INSTANT] seed the demo plant into an empty database",
    options: { now: { type: "string" } },
    async run(v) {
      const at = typeof v.now === "string" ? new Date(v.now) : undefined;
      if (at && Number.isNaN(at.getTime())) throw new Error(`--now: not an instant: ${v.now}`);
      const onPhase = (p: string) => console.log(`seeding: ${p}…`);
      console.log(describeDemoSeed(await seedDemo({ now: at, onPhase })));
    },
  },
  "site:create": {
    usage: "--code C --name N --tz ZONE",
    options: { code: { type: "string" }, name: { type: "string" }, tz: { type: "string" } },
    async run(v) {
      const site = await createSite(cliActor(), {
        code: need(v, "code"),
        name: need(v, "name"),
        timeZone: need(v, "tz"),
      });
      console.log(`site ${site.code} created (${site.timeZone})`);
    },
  },
  "area:create": {
    usage: "--site C --code A --name N",
    options: { site: { type: "string" }, code: { type: "string" }, name: { type: "string" } },
    async run(v) {
      const area = await createArea(cliActor(), need(v, "site"), {
        code: need(v, "code"),
        name: need(v, "name"),
      });
      console.log(`area ${area.code} created`);
    },
  },
  "user:create": {
    usage: "--email E --name N --password P [--admin] [--grant SITE:ROLE ...]",
    options: {
      email: { type: "string" },
      name: { type: "string" },
      password: { type: "string" },
      admin: { type: "boolean" },
      grant: { type: "string", multiple: true },
    },
    async run(v) {
      const user = await createUser(cliActor(), {
        email: need(v, "email"),
        name: need(v, "name"),
        password: need(v, "password"),
        isAdmin: v.admin === true,
        grants: grants(v),
      });
      console.log(`user ${user.email} created`);
    },
  },
  "user:disable": {
    usage: "--email E",
    options: { email: { type: "string" } },
    async run(v) {
      await setUserDisabled(cliActor(), need(v, "email"), true);
      console.log("user disabled; their sessions and tokens no longer work");
    },
  },
  "user:enable": {
    usage: "--email E",
    options: { email: { type: "string" } },
    async run(v) {
      await setUserDisabled(cliActor(), need(v, "email"), false);
      console.log("user enabled");
    },
  },
  "user:grant": {
    usage: "--email E --grant SITE:ROLE [--grant ...]",
    options: { email: { type: "string" }, grant: { type: "string", multiple: true } },
    async run(v) {
      for (const g of grants(v)) await grantRole(cliActor(), need(v, "email"), g);
      console.log("granted");
    },
  },
  "user:revoke": {
    usage: "--email E --grant SITE:ROLE [--grant ...]",
    options: { email: { type: "string" }, grant: { type: "string", multiple: true } },
    async run(v) {
      for (const g of grants(v)) await revokeRole(cliActor(), need(v, "email"), g);
      console.log("revoked");
    },
  },
  "token:create": {
    usage:
      "--email E [--name L] [--days N] [--scope read,write,sign]   prints the token alone on its last line (default scope read,write)",
    options: {
      email: { type: "string" },
      name: { type: "string" },
      days: { type: "string" },
      scope: { type: "string" },
    },
    async run(v) {
      const created = await mintTokenFor(cliActor(), {
        email: need(v, "email"),
        name: typeof v.name === "string" ? v.name : "Command line",
        days: typeof v.days === "string" ? v.days : undefined,
        scopes: typeof v.scope === "string" ? v.scope : undefined,
      });
      console.log(
        `token "${created.name}" for ${created.userEmail} (scopes ${created.scopes.join(", ")}), expires ${created.expiresAt.toISOString()}; it is shown once:`,
      );
      // Alone on the last line so scripts can take it with `tail -n 1`.
      console.log(created.token);
    },
  },
  ...AUDIT_COMMANDS,
  ...DATABASE_COMMANDS,
  ...ADVISORY_COMMANDS,
  ...SSO_COMMANDS,
};
