import { z } from "zod";
import { CHANGE_STATES, RISK_LEVELS, SIGNOFF_ROLES } from "@/lib/domain/constants";
import {
  BOARD_DECISIONS,
  boardDecisionSchema,
  meetingMinutesSchema,
  scheduleMeetingSchema,
} from "@/lib/schemas/board";
import { definePaths, instant, named } from "../registry";

const idPath = z.object({ id: z.uuid() });

const summaryShape = {
  id: z.uuid(),
  siteCode: z.string(),
  siteName: z.string(),
  timeZone: z.string(),
  title: z.string(),
  startsAt: instant,
  durationMinutes: z.number().int(),
  chairName: z.string(),
  closedAt: instant.nullable().describe("When the chair closed the minutes; null while open"),
  decisionCount: z.number().int(),
};
const meetingSummary = named("BoardMeetingSummary", z.object(summaryShape));

const meeting = named(
  "BoardMeeting",
  z.object({
    ...summaryShape,
    siteId: z.uuid(),
    chairId: z.uuid(),
    chairEmail: z.string(),
    attendees: z.array(z.string()),
    notes: z.string(),
    agenda: z
      .array(
        z.object({
          changeId: z.uuid(),
          number: z.string(),
          title: z.string(),
          state: z.enum(CHANGE_STATES),
          risk: z.enum(RISK_LEVELS),
          plannedStart: instant.nullable(),
          plannedEnd: instant.nullable(),
          requesterName: z.string(),
          contentHash: z.string().describe("Send it back with the decision: the board signs this content"),
          missing: z.array(z.object({ role: z.enum(SIGNOFF_ROLES), siteCode: z.string().nullable() })),
        }),
      )
      .describe("Changes at the site needing the change board's sign-off, soonest planned start first"),
    decisions: z.array(
      z.object({
        id: z.uuid(),
        changeId: z.uuid(),
        number: z.string(),
        title: z.string(),
        decision: z.enum(BOARD_DECISIONS),
        reason: z.string(),
        signoffId: z.uuid().nullable().describe("The change-board sign-off it recorded (approve/reject)"),
        meaning: z.string().nullable(),
        contentHash: z.string().nullable(),
        decidedAt: instant,
        decidedByName: z.string(),
      }),
    ),
    canChair: z.boolean(),
    sessionOpensAt: instant.describe("From when decisions are recorded and the minutes may be closed"),
    inSession: z.boolean(),
  }),
);

export default definePaths(
  "board",
  {
    "/api/v1/board-meetings": {
      get: {
        summary: "Board meetings at the caller's sites, latest first",
        query: z.object({ site: z.string().optional().describe("A site code") }),
        responses: { 200: { description: "Meetings", schema: z.object({ items: z.array(meetingSummary) }) } },
      },
      post: {
        summary:
          "Schedule a board meeting (change managers), or a series: repeat weekly (every N weeks) or monthly (the same weekday of the month), count meetings at the same local time",
        body: named("ScheduleBoardMeeting", scheduleMeetingSchema),
        responses: {
          201: { description: "The meetings created", schema: z.object({ items: z.array(meetingSummary) }) },
        },
        errors: [400, 403, 404, 413, 422],
      },
    },
    "/api/v1/board-meetings/{id}": {
      get: {
        summary: "A meeting with its agenda, decisions, attendees and notes",
        path: idPath,
        responses: { 200: { description: "The meeting", schema: meeting } },
        errors: [404],
      },
    },
    "/api/v1/board-meetings/{id}/decisions": {
      post: {
        summary: "The chair's decision on an agenda item",
        description:
          "approve and reject are the change board's electronic signature over `contentHash` (password re-entered, separation of duties, " +
          "409 when the change was edited since); the sign-off's comment lists the meeting and its attendees. defer needs a reason and signs nothing.",
        path: idPath,
        body: named("BoardDecision", boardDecisionSchema),
        responses: { 200: { description: "The meeting after the decision", schema: meeting } },
        errors: [400, 403, 404, 409, 413, 422, 423, 429],
      },
    },
    "/api/v1/board-meetings/{id}/minutes": {
      put: {
        summary: "Save attendees and notes; close: true makes the minutes final",
        path: idPath,
        body: named("BoardMinutes", meetingMinutesSchema),
        responses: { 200: { description: "The meeting", schema: meeting } },
        errors: [400, 403, 404, 409, 413, 422],
      },
    },
    "/api/v1/board-meetings/{id}/minutes.pdf": {
      get: {
        summary: "The minutes as a PDF",
        path: idPath,
        responses: {
          200: { description: "A PDF attachment", contentType: "application/pdf", schema: z.string() },
        },
        errors: [404],
      },
    },
  },
  "Change-board meetings: agenda, decisions recorded as board sign-offs, minutes",
);
