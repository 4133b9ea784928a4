import path from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../lib/demo-accounts";

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

/** The demo people by what they do, as the specs speak of them. */
export const PEOPLE = {
  gcrRequester: "dana.ruiz@gcr.demo",
  gcrTechnician: "ray.castillo@gcr.demo",
  gcrOperations: "marcus.hale@gcr.demo",
  gcrSafety: "priya.natarajan@gcr.demo",
  gcrSecurity: "tomasz.nowak@gcr.demo",
  gcrChangeManager: "elena.brooks@gcr.demo",
  gcrBoardMember: "victor.alvarez@gcr.demo",
  rhpRequester: "jonas.weber@rhp.demo",
  rhpTechnician: "mia.hoffmann@rhp.demo",
  rhpOperations: "katrin.vogel@rhp.demo",
  rhpSafety: "lukas.schmidt@rhp.demo",
  rhpSecurity: "aylin.demir@rhp.demo",
  rhpQuality: "sabine.krueger@rhp.demo",
  rhpChangeManager: "felix.braun@rhp.demo",
  networkEngineer: "noor.haddad@corp.demo",
  corpOperations: "hannah.lindqvist@corp.demo",
  corpOperationsEurope: "pieter.devries@corp.demo",
  corpSecurity: "omar.siddiqui@corp.demo",
  auditor: "grace.okafor@corp.demo",
  admin: "sam.admin@corp.demo",
} as const;

/** Per port, as the e2e server's database is: two runs from one checkout keep their sign-ins apart. */
export function authFile(email: string): string {
  return path.join(__dirname, ".auth", process.env.E2E_PORT ?? "3210", `${email}.json`);
}
