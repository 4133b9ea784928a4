import "server-only";
import type { Actor } from "@/lib/auth/actor";
import type { ChangeType, Outcome } from "@/lib/domain/constants";
import { ServiceError } from "@/lib/services/base/errors";
import { cancelChange } from "@/lib/services/changes/cancel";
import { closeChange } from "@/lib/services/changes/close";
import { completeChange } from "@/lib/services/changes/complete";
import { createChange } from "@/lib/services/changes/create";
import { evaluateGateFor } from "@/lib/services/changes/evaluate-gate";
import type { ChangeView } from "@/lib/types/changes";
import { reviseChange } from "@/lib/services/changes/revise";
import { startChange } from "@/lib/services/changes/start";
import { submitChange } from "@/lib/services/changes/submit";
import { updateChange } from "@/lib/services/changes/update";
import { createWindow } from "@/lib/services/schedule/create-window";
import { DEMO_CHANGES, type DemoChange } from "./demo-changes-data";
import { type SeedClock, type SeedStep, hours, localText, minutes, plus } from "./demo-clock";
import { zoneOf } from "./demo-schedule";
import { SIGN_ORDER, signPssr, signRole, type SignPlan } from "./demo-signing";
import { type Slot, filedAt, resolveSlot, siteOfTag } from "./demo-slots";
import { DateTime } from "luxon";
import { createHash } from "node:crypto";

/** CIP-010 R1.6: the implementer's check of the installed file (a patch or firmware success needs one). */
function demoIntegrityCheck(v: ChangeView) {
  const fileName = `${v.type === "firmware_update" ? "firmware" : "patch"}-${v.number}.bin`;
  const sha = createHash("sha256").update(fileName).digest("hex");
  return { method: "sha256" as const, fileName, computedSha256: sha, publishedSha256: sha.toUpperCase() };
}

type SiteCode = "GCR" | "RHP";
export interface Plant {
  people: Record<string, Actor>;
  assetIds: Map<string, string>;
  siteByTag: Map<string, SiteCode>;
  areaByTag: Map<string, string | null>;
  managers: Record<SiteCode, string>;
}
type Step = SeedStep;

const PLANS: Record<ChangeType, { plan: string; backout: string }> = {
  security_patch: {
    plan: "1. Confirm the backup and snapshot.\n2. Install the update.\n3. Reboot if asked; check services, alarms and the historian feed.\n4. Record the new patch level.",
    backout: "Restore the snapshot taken in step 1; confirm the previous patch level and services.",
  },
  firmware_update: {
    plan: "1. Save the configuration and the current firmware image.\n2. Load the new firmware (redundant side first where there is one).\n3. Verify diagnostics, I/O and communications.\n4. Record the new version in the asset baseline.",
    backout: "Reload the saved firmware image and configuration; verify I/O and communications.",
  },
  firewall_rule: {
    plan: "1. Export the current rule base.\n2. Add the rule as specified, logging on.\n3. Test the intended flow and that nothing else opens.\n4. Attach the rule export to the record.",
    backout: "Re-import the rule base exported in step 1.",
  },
  configuration: {
    plan: "1. Save the current configuration.\n2. Apply the change.\n3. Run the functional checks in the test sheet.",
    backout: "Restore the saved configuration and rerun the checks.",
  },
  access: {
    plan: "1. Generate the new credential in the vault.\n2. Set it on the device.\n3. Test sign-in and check in the credential.",
    backout: "Restore the previous credential from the vault history.",
  },
  network: {
    plan: "1. Announce the brief link loss to operations.\n2. Swap the parts one link at a time.\n3. Check link state, errors and redundancy.",
    backout: "Refit the original parts.",
  },
  other: { plan: "1. Prepare.\n2. Carry out the work.\n3. Verify.", backout: "Undo the work." },
};

const OUTCOMES: Partial<Record<DemoChange["path"], Outcome>> = {
  implemented: "success",
  closed: "success",
  failed: "failed",
  rolled_back: "rolled_back",
};
const STARTED = new Set(Object.keys(OUTCOMES).concat("in_progress"));

const iso = (d: Date) => d.toISOString();

/** Every demo change as timed steps; the caller runs all steps in time order. */
export function planDemoChanges(
  clock: SeedClock,
  plant: Plant,
  modelVersions: ReadonlyMap<string, string> = new Map(),
): { steps: Step[]; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  // The view each service call returned, so no step reads a change back before acting on it.
  const views = new Map<string, ChangeView>();
  const steps: Step[] = [];
  let seq = 0;
  for (const c of DEMO_CHANGES) {
    const add = (at: Date, run: () => Promise<void>) => steps.push({ at, seq: seq++, key: c.key, run });
    const site = siteOfTag(c.assets[0]!, plant.siteByTag);
    const who = (email: string) => plant.people[email]!;
    const id = () => ids.get(c.key)!;
    const view = () => views.get(c.key)!;
    const keep = (v: ChangeView) => void views.set(c.key, v);
    let slot: Slot = resolveSlot(c.slot, site, clock.now);
    const filed = filedAt(c, slot, clock);
    const emergency = "emergencyDaysAgo" in c.slot;
    const gap = emergency ? minutes(10) : hours(2);
    const signFrom = emergency ? plus(filed, minutes(30)) : plus(filed, hours(24));
    const signs = (from: Date, plan: SignPlan) =>
      SIGN_ORDER.forEach((role, i) =>
        add(plus(from, i * gap), async () => keep(await signRole(plant.people, view(), role, plan))),
      );

    if (emergency) {
      const area = plant.areaByTag.get(c.assets[0]!);
      add(plus(filed, -minutes(10)), async () => {
        await createWindow(who(plant.managers[site]), {
          site,
          kind: "maintenance",
          title: `Emergency window: ${c.title.replace(/^Emergency: /, "")}`,
          areas: area ? [area] : [],
          start: localText(DateTime.fromJSDate(slot.start, { zone: zoneOf(site) })),
          durationMinutes: (slot.end.getTime() - slot.start.getTime()) / 60_000 + 60,
        });
      });
    }
    add(filed, async () => {
      const created = await createChange(who(c.requester), {
        type: c.type,
        class: c.class ?? "normal",
        title: c.title,
        description: c.summary,
        justification: c.why,
        references: c.references ?? [],
        assetIds: c.assets.map((t) => plant.assetIds.get(t)!),
        implementationPlan: PLANS[c.type].plan,
        backoutPlan: PLANS[c.type].backout,
        testedOnTestBench: !c.untested,
        vendorQualified: !c.untested,
        testNotes: c.untested ? "" : "Tested on the site test bench with the vendor's release notes.",
        expectedDowntimeMinutes: c.downtime ?? 0,
        productionImpact: c.productionImpact ?? "none",
        safetyImpact: c.safetyImpact ?? "none",
        plannedStart: iso(slot.start),
        plannedEnd: iso(slot.end),
        implementerEmail: c.implementer,
        followsChangeId: c.follows ? (ids.get(c.follows) ?? null) : null,
        standardModelVersionId: c.model ? (modelVersions.get(c.model) ?? null) : null,
      });
      ids.set(c.key, created.id);
      keep(created);
    });
    if (c.path === "draft") continue;
    if (c.cancelAt === "draft") {
      add(plus(filed, hours(20)), async () =>
        keep(await cancelChange(who(c.requester), id(), { reason: c.cancelReason ?? "" })),
      );
      continue;
    }
    add(plus(filed, emergency ? minutes(15) : hours(3)), async () =>
      keep(await submitChange(who(c.requester), id())),
    );
    if (c.cancelAt === "submitted") {
      add(plus(filed, hours(20)), async () =>
        keep(await cancelChange(who(c.requester), id(), { reason: c.cancelReason ?? "" })),
      );
      continue;
    }
    const keepPending = c.path === "submitted" ? (c.pending ?? []) : [];
    signs(signFrom, { pending: keepPending, reject: c.rejectBy, phase: "pre" });
    let after = plus(signFrom, 5 * gap);
    if (c.revise) {
      const revised = resolveSlot(c.revise.slot, site, clock.now);
      const note = c.revise.note;
      add(plus(after, hours(2)), async () =>
        keep(await reviseChange(who(c.requester), id(), { reason: note })),
      );
      add(plus(after, hours(3)), async () => {
        const v = view();
        keep(
          await updateChange(
            who(c.requester),
            id(),
            {
              plannedStart: iso(revised.start),
              plannedEnd: iso(revised.end),
              description: `${c.summary} ${note}`,
            },
            v.version,
          ),
        );
      });
      add(plus(after, hours(4)), async () => keep(await submitChange(who(c.requester), id())));
      after = plus(after, hours(24));
      signs(after, { pending: [], phase: "pre" });
      after = plus(after, 5 * gap);
      slot = revised;
    }
    if (c.path === "rejected" || c.path === "submitted" || c.path === "approved") continue;
    if (c.cancelAt === "approved") {
      add(plus(after, hours(20)), async () =>
        keep(await cancelChange(who(c.requester), id(), { reason: c.cancelReason ?? "" })),
      );
      continue;
    }
    if (c.path === "superseded") {
      add(plus(after, hours(20)), async () => {
        const v = view();
        const plan = `${v.implementationPlan}\n5. Vendor engineer on site for the first hour (added after approval).`;
        const edited = await updateChange(who(c.requester), id(), { implementationPlan: plan }, v.version);
        if (!edited.signoffs.some((s) => s.superseded))
          throw new Error(`${c.key}: the edit superseded nothing`);
      });
      signs(plus(after, hours(22)), { pending: c.pending ?? [], phase: "pre" });
      continue;
    }
    if (!STARTED.has(c.path)) continue;
    if (c.refusal === "early") {
      // The implementer's patch tooling asks the gate first (a dry run, in the gate-check log):
      // too early half an hour before the slot, open once it has begun.
      add(plus(slot.start, -minutes(30)), () => evaluateGateFor(who(c.implementer), id()).then(() => {}));
      add(plus(slot.start, -minutes(20)), () => refusedStart(who(c.implementer), id()));
      add(plus(slot.start, minutes(4)), () => evaluateGateFor(who(c.implementer), id()).then(() => {}));
    }
    if (c.refusal === "not_implementer")
      add(plus(slot.start, minutes(2)), () => refusedStart(who(c.requester), id()));
    add(plus(slot.start, minutes(5)), async () => keep(await startChange(who(c.implementer), id())));
    if (c.path === "in_progress") continue;
    const done = plus(slot.end, -minutes(emergency ? 15 : 30));
    const outcome = OUTCOMES[c.path]!;
    add(done, async () => {
      keep(
        await completeChange(who(c.implementer), id(), {
          outcome,
          notes: c.outcomeNotes ?? (outcome === "success" ? "Done as planned; checks passed." : ""),
          ...(view().integrityRequired ? { integrity: demoIntegrityCheck(view()) } : {}),
        }),
      );
    });
    if (c.retrospective === "on_time") signs(plus(slot.start, hours(20)), { pending: [], phase: "retro" });
    if (c.path !== "closed") continue;
    add(plus(done, hours(3)), async () => keep(await signPssr(plant.people, view())));
    add(plus(done, hours(46)), async () => {
      keep(
        await closeChange(who(c.implementer), id(), {
          securityControlsVerified: true,
          baselineUpdated: true,
          notes: "Post-implementation review: security controls verified, baseline updated, no open actions.",
        }),
      );
    });
  }
  return { steps, ids };
}

/** A Start the gate refuses: the refusal is in the trail, which is the point. */
async function refusedStart(actor: Actor, id: string): Promise<void> {
  try {
    await startChange(actor, id);
  } catch (e) {
    if (e instanceof ServiceError && e.code === "gate_refused") return;
    throw e;
  }
  throw new Error("The demo expected the gate to refuse this start");
}

/** Runs the steps in time order with the clock at each step's instant. */
export async function runSteps(clock: SeedClock, steps: Step[]): Promise<void> {
  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  for (const step of steps) {
    clock.set(step.at);
    try {
      await step.run();
    } catch (e) {
      throw new Error(
        `Demo change ${step.key} at ${step.at.toISOString()}: ${e instanceof Error ? e.message : e}`,
        { cause: e },
      );
    }
  }
}
