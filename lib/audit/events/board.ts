import { z } from "zod";
import { event, id, instant, text } from "./define";

const meeting = {
  siteId: id,
  title: z.string(),
  startsAt: instant,
  durationMinutes: z.number().int(),
  chairEmail: z.string(),
};

/** Change-board meetings (issue 15 item 2): scheduling, decisions and the minutes. */
export const BOARD_EVENTS = {
  "board.schedule": event("board_meeting", {
    after: z.strictObject({
      ...meeting,
      /** How many meetings the series has. */
      series: z.number().int().positive(),
      /** The series' rule in words ("Every 2 weeks on Thursday 15:00–16:00 CST/CDT, 6 times"). */
      repeat: z.string().optional(),
    }),
  }),
  "board.decision": event("board_meeting", {
    after: z.strictObject({
      changeId: id,
      number: z.string(),
      decision: z.enum(["approve", "reject", "defer"]),
      reason: text,
      signoffId: id.nullable(),
      contentHash: z.string(),
      attendees: z.array(z.string()),
      decidedAt: instant,
    }),
  }),
  "board.minutes": event("board_meeting", {
    after: z.strictObject({
      title: z.string(),
      attendees: z.array(z.string()),
      notes: text,
      closed: z.boolean(),
      decisions: z.array(
        z.strictObject({
          number: z.string(),
          decision: z.enum(["approve", "reject", "defer"]),
          reason: text,
        }),
      ),
    }),
  }),
};
