import "server-only";
import { formatInZone } from "@/lib/domain/site-time";
import type { BoardMeetingView } from "@/lib/types/board";
import { facts, footers, heading, newPdf, para, toBuffer } from "./document";

const WORDS = { approve: "Approved", reject: "Rejected", defer: "Deferred" } as const;

/** The minutes of a board meeting as a PDF: attendees, each decision with its board sign-off, notes. */
export async function boardMinutesPdf(m: BoardMeetingView): Promise<Buffer> {
  const t = (at: string) => formatInZone(at, m.timeZone);
  const doc = newPdf({
    title: `Change board minutes: ${m.title}`,
    author: m.chairName,
    subject: `Board meeting at ${m.siteName} (${m.siteCode})`,
  });
  para(doc, `Change board minutes · ${m.siteName} (${m.siteCode})`, { muted: true });
  para(doc, m.title, { bold: true, size: 14 });
  facts(doc, [
    ["Starts", t(m.startsAt)],
    ["Duration", `${m.durationMinutes} minutes`],
    ["Chair", `${m.chairName} (${m.chairEmail})`],
    ["Minutes", m.closedAt ? `closed ${t(m.closedAt)}` : "draft: the meeting is still open"],
  ]);
  heading(doc, "Attendees");
  para(doc, m.attendees.length ? m.attendees.join(", ") : "None recorded.");
  heading(doc, "Decisions");
  if (m.decisions.length === 0) para(doc, "No decisions.");
  for (const d of m.decisions) {
    para(doc, `${d.number} ${d.title}: ${WORDS[d.decision]}`, { bold: true });
    facts(doc, [
      ["Reason", d.reason || "—"],
      ["Board sign-off", d.meaning ? `${d.meaning}, by ${d.decidedByName}` : "none (deferred)"],
      ...(d.contentHash ? ([["Content hash", d.contentHash]] as [string, string][]) : []),
      ["Recorded", t(d.decidedAt)],
    ]);
    doc.moveDown(0.4);
  }
  heading(doc, "Notes");
  para(doc, m.notes || "No notes.");
  footers(doc, `Interlock · ${m.siteCode} · ${m.title}`);
  return toBuffer(doc);
}
