import type { SiteRole } from "@/lib/domain/constants";

/** Shown on the sign-in page in demo mode only. Not a secret: the demo plant is public sample data. */
export const DEMO_PASSWORD = "Interlock-Demo-2026";

export interface DemoAccount {
  email: string;
  name: string;
  isAdmin?: boolean;
  grants: `${string}:${SiteRole}`[];
  label: string;
}

export const DEMO_SITES = [
  { code: "GCR", name: "Gulf Coast Refinery", timeZone: "America/Chicago" },
  { code: "RHP", name: "Rheinfeld Pharma Plant", timeZone: "Europe/Berlin" },
] as const;

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: "dana.ruiz@gcr.demo", name: "Dana Ruiz", grants: ["GCR:requester"], label: "Requester, refinery" },
  {
    email: "marcus.hale@gcr.demo",
    name: "Marcus Hale",
    grants: ["GCR:operations"],
    label: "Operations, refinery",
  },
  {
    email: "priya.natarajan@gcr.demo",
    name: "Priya Natarajan",
    grants: ["GCR:safety"],
    label: "Safety, refinery",
  },
  {
    email: "tomasz.nowak@gcr.demo",
    name: "Tomasz Nowak",
    grants: ["GCR:security"],
    label: "Security, refinery",
  },
  {
    email: "elena.brooks@gcr.demo",
    name: "Elena Brooks",
    grants: ["GCR:change_manager"],
    label: "Change manager, refinery",
  },
  {
    email: "victor.alvarez@gcr.demo",
    name: "Victor Alvarez",
    grants: ["GCR:change_manager"],
    label: "Change board member, refinery (signs catalog models)",
  },
  {
    email: "ray.castillo@gcr.demo",
    name: "Ray Castillo",
    grants: ["GCR:requester"],
    label: "Technician (implements changes), refinery",
  },
  {
    email: "jonas.weber@rhp.demo",
    name: "Jonas Weber",
    grants: ["RHP:requester"],
    label: "Requester, pharma",
  },
  {
    email: "mia.hoffmann@rhp.demo",
    name: "Mia Hoffmann",
    grants: ["RHP:requester"],
    label: "Technician (implements changes), pharma",
  },
  {
    email: "katrin.vogel@rhp.demo",
    name: "Katrin Vogel",
    grants: ["RHP:operations"],
    label: "Operations, pharma",
  },
  { email: "lukas.schmidt@rhp.demo", name: "Lukas Schmidt", grants: ["RHP:safety"], label: "Safety, pharma" },
  { email: "aylin.demir@rhp.demo", name: "Aylin Demir", grants: ["RHP:security"], label: "Security, pharma" },
  {
    email: "sabine.krueger@rhp.demo",
    name: "Sabine Krüger",
    grants: ["RHP:quality"],
    label: "Quality (GxP), pharma",
  },
  {
    email: "felix.braun@rhp.demo",
    name: "Felix Braun",
    grants: ["RHP:change_manager"],
    label: "Change manager, pharma",
  },
  {
    email: "ingrid.maier@rhp.demo",
    name: "Ingrid Maier",
    grants: ["RHP:change_manager"],
    label: "Change board member, pharma (signs catalog models)",
  },
  {
    email: "noor.haddad@corp.demo",
    name: "Noor Haddad",
    grants: ["GCR:requester", "RHP:requester"],
    label: "OT network engineer, both sites",
  },
  {
    email: "hannah.lindqvist@corp.demo",
    name: "Hannah Lindqvist",
    grants: ["GCR:operations", "RHP:operations"],
    label: "Corporate operations (Americas), both sites",
  },
  {
    email: "pieter.devries@corp.demo",
    name: "Pieter de Vries",
    grants: ["GCR:operations", "RHP:operations"],
    label: "Corporate operations (Europe), both sites",
  },
  {
    email: "omar.siddiqui@corp.demo",
    name: "Omar Siddiqui",
    grants: ["GCR:security", "RHP:security"],
    label: "OT security lead, both sites",
  },
  {
    email: "grace.okafor@corp.demo",
    name: "Grace Okafor",
    grants: ["GCR:auditor", "RHP:auditor"],
    label: "Auditor, both sites",
  },
  {
    email: "sam.admin@corp.demo",
    name: "Sam Admin",
    isAdmin: true,
    grants: [],
    label: "Administrator (no site roles)",
  },
];

export const DEMO_AREAS: Record<string, { code: string; name: string }[]> = {
  GCR: [
    { code: "CDU", name: "Crude distillation unit" },
    { code: "FCC", name: "Fluid catalytic cracker" },
    { code: "HTU", name: "Hydrotreater" },
    { code: "TF", name: "Tank farm and blending" },
    { code: "UTIL", name: "Utilities and flare" },
  ],
  RHP: [
    { code: "API", name: "API synthesis" },
    { code: "FIL", name: "Sterile fill-finish" },
    { code: "CU", name: "Clean utilities (WFI, HVAC)" },
    { code: "QC", name: "QC laboratory" },
    { code: "WH", name: "Warehouse" },
  ],
};

/**
 * Demo mode: seed the demo plant into an empty database and list its accounts on the sign-in page.
 * On by default only on the embedded database (a first try on a laptop); with DATABASE_URL set (a
 * real installation) only when INTERLOCK_DEMO=1 asks for it, so that a production sign-in page
 * never advertises accounts with a published password.
 */
export function demoMode(env: Record<string, string | undefined> = process.env): boolean {
  const flag = env.INTERLOCK_DEMO?.trim().toLowerCase();
  if (flag === "0" || flag === "false") return false;
  if (flag === "1" || flag === "true") return true;
  return !env.DATABASE_URL;
}
