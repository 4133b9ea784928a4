import { z } from "zod";
import { code, line, requiredLine, text, uuid } from "./common";
import { instantSchema } from "./changes";
import { MAX_MEETINGS, MEETING_REPEATS, repeatProblem } from "@/lib/domain/board/recurrence";

export const BOARD_DECISIONS = ["approve", "reject", "defer"] as const;
export type BoardDecision = (typeof BOARD_DECISIONS)[number];

/**
 * A change manager schedules a board meeting at a site, or a series: weekly or every N weeks, or
 * monthly on the same weekday of the month, each at the same local time.
 */
export const scheduleMeetingSchema = z
  .object({
    siteCode: code("Site").transform((s) => s.toUpperCase()),
    title: requiredLine(200, "Title"),
    startsAt: instantSchema,
    durationMinutes: z
      .number({ message: "Duration must be a number of minutes." })
      .int("Duration must be whole minutes.")
      .min(15, "A meeting lasts at least 15 minutes.")
      .max(8 * 60, "A meeting lasts at most 8 hours."),
    repeat: z.enum(MEETING_REPEATS, { message: "Repeat must be none, weekly or monthly." }).default("none"),
    /** Every this many weeks (weekly) or months (monthly). */
    every: z
      .number({ message: "Every must be a number." })
      .int("Every must be a whole number.")
      .min(1, "Every must be at least 1.")
      .max(12, "Every is at most 12 (weeks or months).")
      .default(1),
    /** How many meetings, the first included. */
    count: z
      .number({ message: "The number of meetings must be a number." })
      .int("The number of meetings must be whole.")
      .min(1, "Schedule at least one meeting.")
      .max(MAX_MEETINGS, `Schedule at most ${MAX_MEETINGS} meetings at a time.`)
      .default(1),
  })
  .superRefine((v, ctx) => {
    const problem = repeatProblem(v);
    if (problem) ctx.addIssue({ code: "custom", path: [problem[0]], message: problem[1] });
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
