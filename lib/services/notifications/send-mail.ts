import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { mailMessages } from "@/db/schema";
import type { JobHandler } from "@/lib/jobs/worker";

/** The configured SMTP server (INTERLOCK_SMTP_URL, e.g. smtp://user:pass@mail.plant.example:587), or null: the outbox. */
export function smtpUrl(): string | null {
  return process.env.INTERLOCK_SMTP_URL?.trim() || null;
}

export function mailFrom(): string {
  return process.env.INTERLOCK_MAIL_FROM?.trim() || "Interlock <interlock@localhost>";
}

type Transport = { sendMail(m: Record<string, unknown>): Promise<unknown> };
const g = globalThis as unknown as { __interlockSmtp?: { url: string; transport: Transport } };

async function transport(url: string): Promise<Transport> {
  if (g.__interlockSmtp?.url !== url) {
    const nodemailer = await import("nodemailer");
    g.__interlockSmtp = {
      url,
      transport: nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }) as Transport,
    };
  }
  return g.__interlockSmtp.transport;
}

/**
 * Sends one queued mail through SMTP. Without SMTP configured it stays in the outbox, which
 * administrators read in the portal. A refused or unreachable server fails the job, which the
 * queue retries with back-off; the last try marks the mail failed (and the job dead-lettered).
 */
export const sendMail: JobHandler = async (job, { db, now }) => {
  const id = String(job.payload.mailId);
  const [mail] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
  if (!mail || mail.state === "sent") return;
  const url = smtpUrl();
  if (!url) {
    await db.update(mailMessages).set({ state: "outbox" }).where(eq(mailMessages.id, id));
    return;
  }
  try {
    await (
      await transport(url)
    ).sendMail({
      from: mailFrom(),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.ics
        ? {
            icalEvent: { method: "PUBLISH", filename: "slot.ics", content: mail.ics },
            attachments: [
              { filename: "slot.ics", content: mail.ics, contentType: "text/calendar; charset=utf-8" },
            ],
          }
        : {}),
    });
    await db
      .update(mailMessages)
      .set({ state: "sent", sentAt: now, attempts: mail.attempts + 1, lastError: null })
      .where(eq(mailMessages.id, id));
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    const last = job.attempts >= job.maxAttempts;
    await db
      .update(mailMessages)
      .set({
        state: last ? "failed" : "queued",
        attempts: mail.attempts + 1,
        lastError: error.slice(0, 1000),
      })
      .where(eq(mailMessages.id, id));
    throw e;
  }
};

/** Without SMTP, a batch of queued mail goes to the outbox in one statement; with SMTP, one by one. */
sendMail.many = async (list, { db }) => {
  if (smtpUrl()) return false;
  const ids = list.map((j) => String(j.payload.mailId));
  await db
    .update(mailMessages)
    .set({ state: "outbox" })
    .where(and(inArray(mailMessages.id, ids), ne(mailMessages.state, "sent")));
  return true;
};
