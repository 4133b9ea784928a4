import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { scheduleMeeting } from "@/lib/services/board/schedule-meeting";
import { weekdayAt } from "./demo-clock";

/**
 * Each site's change board, scheduled by its change manager from the seeding instant on: the
 * refinery's meets fortnightly on Thursdays at 14:00, the pharma plant's monthly on a Tuesday at
 * 10:00. Their agendas are whatever awaits the board when they are opened.
 */
export async function seedDemoBoard(now: Date, managers: { GCR: Actor; RHP: Actor }): Promise<void> {
  await scheduleMeeting(managers.GCR, {
    siteCode: "GCR",
    title: "Refinery change advisory board",
    startsAt: weekdayAt(now, "America/Chicago", 1, 4, 14).toUTC().toISO()!,
    durationMinutes: 90,
    repeat: "weekly",
    every: 2,
    count: 6,
  });
  await scheduleMeeting(managers.RHP, {
    siteCode: "RHP",
    title: "Pharma plant change board",
    startsAt: weekdayAt(now, "Europe/Berlin", 1, 2, 10).toUTC().toISO()!,
    durationMinutes: 60,
    repeat: "monthly",
    every: 1,
    count: 6,
  });
}
