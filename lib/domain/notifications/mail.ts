// The words of a notification e-mail: what happened, why this person is told, the deadline in
// the site's time, and a link. Plain text and HTML carry the same content.
import { formatInZone } from "../site-time";

export interface MailContent {
  title: string;
  body: string;
  why: string;
  dueAt: Date | null;
  dueLabel?: string;
  timeZone: string;
  link: string;
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function composeMail(c: MailContent): { subject: string; text: string; html: string } {
  const due = c.dueAt
    ? `${c.dueLabel ?? "Deadline"}: ${formatInZone(c.dueAt, c.timeZone)} (${c.timeZone})`
    : null;
  const lines = [
    c.title,
    "",
    c.body,
    ...(due ? ["", due] : []),
    "",
    `Why you: ${c.why}`,
    "",
    `Open it: ${c.link}`,
  ];
  const text = `${lines.join("\n")}\n\n-- \nInterlock. Change how you are told on your notification settings page.\n`;
  const html = [
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;line-height:1.5">`,
    `<h1 style="font-size:18px;margin:0 0 12px">${escape(c.title)}</h1>`,
    `<p>${escape(c.body)}</p>`,
    due ? `<p><strong>${escape(due)}</strong></p>` : "",
    `<p style="color:#555">Why you: ${escape(c.why)}</p>`,
    `<p><a href="${escape(c.link)}">Open it in Interlock</a></p>`,
    `<hr><p style="color:#777;font-size:12px">Interlock. Change how you are told on your notification settings page.</p>`,
    `</body></html>`,
  ].join("");
  return { subject: c.title, text, html };
}

/** A daily digest: one mail listing the day's notifications, each with its link. */
export function composeDigest(
  items: readonly { title: string; createdAt: Date; link: string }[],
  timeZone: string,
): { subject: string; text: string; html: string } {
  const subject = `Interlock: ${items.length} notification${items.length === 1 ? "" : "s"} today`;
  const text = `${subject}\n\n${items
    .map((i) => `- ${i.title} (${formatInZone(i.createdAt, timeZone)})\n  ${i.link}`)
    .join("\n")}\n`;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif"><h1 style="font-size:18px">${escape(
    subject,
  )}</h1><ul>${items
    .map(
      (i) =>
        `<li><a href="${escape(i.link)}">${escape(i.title)}</a> <span style="color:#555">${escape(
          formatInZone(i.createdAt, timeZone),
        )}</span></li>`,
    )
    .join("")}</ul></body></html>`;
  return { subject, text, html };
}
