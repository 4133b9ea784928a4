import { z } from "zod";
import { auditPaging, blankIsAbsent, instant } from "./audit";
import { code, line } from "./common";

export const GATE_CHECK_ANSWERS = ["allowed", "refused"] as const;

/** Filters for reading the gate-check log, shared by the page, the REST API and the export. */
export const gateCheckQuerySchema = z
  .object({
    site: blankIsAbsent(code("Site code").transform((s) => s.toUpperCase())),
    change: blankIsAbsent(
      line(40, "Change").regex(/^CHG-\d{4}-\d+$/i, "Change is a change number such as CHG-2026-00006."),
    ).transform((v) => v?.toUpperCase()),
    actor: blankIsAbsent(line(254, "Actor").toLowerCase()),
    answer: blankIsAbsent(z.enum(GATE_CHECK_ANSWERS, { message: 'Answer is "allowed" or "refused".' })),
    from: blankIsAbsent(instant("From")),
    to: blankIsAbsent(instant("To")),
    ...auditPaging,
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, {
    path: ["to"],
    message: "The end of the period must be after its start.",
  });

export type GateCheckQueryInput = z.input<typeof gateCheckQuerySchema>;
export type GateCheckQuery = z.output<typeof gateCheckQuerySchema>;
