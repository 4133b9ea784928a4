import { z } from "zod";
import { code, line, requiredLine, text, uuid } from "./common";
import { instantSchema } from "./changes";

export const BOARD_DECISIONS = ["approve", "reject", "defer"] as const;
export type BoardDecision = (typeof BOARD_DECISIONS)[number];

/** A change manager schedules a board meeting at a site; weekly repeats keep the local time. */
export const scheduleMeetingSchema = z.object({
  siteCode: code("Site").transform((s) => s.toUpperCase()),
  title: requiredLine(200, "Title"),
  startsAt: instantSchema,
  durationMinutes: z
    .number({ message: "Duration must be a number of minutes." })
    .int("Duration must be whole minutes.")
    .min(15, "A meeting lasts at least 15 minutes.")
    .max(8 * 60, "A meeting lasts at most 8 hours."),
  /** 0 for a one-off meeting; otherwise this many further weekly meetings at the same local time. */
  repeatWeeks: z
    .number({ message: "Repeat must be a number of weeks." })
    .int("Repeat must be whole weeks.")
    .min(0, "Repeat cannot be negative.")
    .max(26, "Schedule at most 26 weeks ahead.")
    .default(0),
});
export type ScheduleMeetingInput = z.input<typeof scheduleMeetingSchema>;

/** The chair's decision on one agenda item; approve/reject is the board's signature (password). */
export const boardDecisionSchema = z
  .object({
    changeId: uuid,
    decision: z.enum(BOARD_DECISIONS, { message: "Decision must be approve, reject or defer." }),
    reason: text(4_000, "Reason").transform((s) => s.trim()),
    /** The content hash the chair was shown on the agenda (the sign-off approves that content). */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, "The content hash is missing; reload the agenda."),
    password: z.string().max(1_000).optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.decision === "defer" || v.decision === "reject") && !v.reason)
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        message: v.decision === "defer" ? "Say why the change is deferred." : "Say why the board rejects it.",
      });
    if (v.decision !== "defer" && !v.password)
      ctx.addIssue({
        code: "custom",
        path: ["password"],
        message: "Enter your password to sign for the board.",
      });
  });
export type BoardDecisionInput = z.input<typeof boardDecisionSchema>;

/** Attendees and notes while the meeting runs; `close` writes the minutes. */
export const meetingMinutesSchema = z.object({
  attendees: z
    .array(line(200, "An attendee").pipe(z.string().min(1, "An attendee needs a name.")))
    .max(100, "At most 100 attendees.")
    .transform((a) => [...new Set(a.map((s) => s.trim()).filter(Boolean))]),
  notes: text(50_000, "Notes").transform((s) => s.trim()),
  close: z.boolean().default(false),
});
export type MeetingMinutesInput = z.input<typeof meetingMinutesSchema>;
