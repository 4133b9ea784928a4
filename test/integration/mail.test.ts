import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { createChange } from "@/lib/services/changes/create";
import { submitChange } from "@/lib/services/changes/submit";
import { listMail } from "@/lib/services/notifications/list-mail";
import { useTestDatabase } from "../db";
import { HOUR, changeWorld, codeOf, draft, sign, type World } from "./changes-helpers";
import { drainJobs, mailsTo, schedule } from "./notify-helpers";

let db: Db;
let w: World;
const got: ParsedMail[] = [];
let refuse = 0;
let smtp: SMTPServer;
let port = 0;

beforeAll(async () => {
  db = await useTestDatabase();
  w = await changeWorld();
  // A real SMTP sink on 127.0.0.1 that refuses the first `refuse` recipients with a 451.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(_addr, _session, cb) {
      if (refuse > 0) {
        refuse--;
        const e = new Error("Mailbox busy, try later") as Error & { responseCode: number };
        e.responseCode = 451;
        return cb(e);
      }
      cb();
    },
    onData(stream, _session, cb) {
      simpleParser(stream)
        .then((m) => got.push(m))
        .then(() => cb(), cb);
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  port = (smtp.server.address() as AddressInfo).port;
}, 180_000);
afterAll(async () => {
  delete process.env.INTERLOCK_SMTP_URL;
  await new Promise<void>((r) => smtp.close(() => r()));
});

async function approvedTomorrow(title: string) {
  const { requester, opsA, securityA } = w.people;
  const start = Date.now() + 10 * HOUR;
  const c = await createChange(
    requester.actor,
    draft(w, [w.assets.plc.id], {
      title,
      plannedStart: new Date(start).toISOString(),
      plannedEnd: new Date(start + 2 * HOUR).toISOString(),
    }),
  );
  await submitChange(requester.actor, c.id);
  await sign(opsA.actor, c.id, "operations");
  await sign(securityA.actor, c.id, "security");
  return c;
}

describe("e-mail", () => {
  it("without SMTP, mail waits in the outbox, which only administrators read", async () => {
    delete process.env.INTERLOCK_SMTP_URL;
    const c = await approvedTomorrow("Outbox patch");
    await drainJobs(db);
    await schedule(db, new Date());
    const [mail] = (await mailsTo(db, [w.people.implementer.email])).filter((m) =>
      m.subject.includes(c.number),
    );
    expect(mail!.state).toBe("outbox");
    const page = await listMail(w.people.admin.actor);
    expect(page.items.some((m) => m.id === mail!.id && m.hasIcs)).toBe(true);
    expect(await codeOf(listMail(w.people.boardA.actor))).toBe("forbidden");
  });

  it("through a real SMTP server: retried after a refusal, then delivered with text, HTML and the slot's .ics", async () => {
    process.env.INTERLOCK_SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.INTERLOCK_MAIL_FROM = "Interlock <interlock@plant.example>";
    const c = await approvedTomorrow("SMTP patch");
    await drainJobs(db);
    refuse = 1;
    got.length = 0;
    await schedule(db, new Date());
    expect(got).toHaveLength(0);
    const [queued] = (await mailsTo(db, [w.people.implementer.email])).filter((m) =>
      m.subject.includes(c.number),
    );
    expect(queued).toMatchObject({ state: "queued", attempts: 1 });
    expect(queued!.lastError).toMatch(/451|busy/i);
    await drainJobs(db, new Date(Date.now() + 20_000));
    expect(got).toHaveLength(1);
    const m = got[0]!;
    expect(m.subject).toBe(`${c.number} opens for you within 24 hours`);
    expect(m.from?.text).toContain("interlock@plant.example");
    expect(m.text).toMatch(/Slot opens: .* C[DS]T \(America\/Chicago\)/);
    expect(m.text).toContain(`/changes/${c.id}`);
    expect(m.html).toContain("<h1");
    const ics = m.attachments.find((a) => a.contentType.startsWith("text/calendar"));
    expect(ics?.content.toString("utf8")).toContain(`SUMMARY:${c.number}: SMTP patch`);
    const [sent] = (await mailsTo(db, [w.people.implementer.email])).filter((x) =>
      x.subject.includes(c.number),
    );
    expect(sent).toMatchObject({ state: "sent", attempts: 2, lastError: null });
  });

  it("an SMTP server that is down: the mail stays queued and is retried, never lost", async () => {
    process.env.INTERLOCK_SMTP_URL = "smtp://127.0.0.1:1";
    const c = await approvedTomorrow("Down patch");
    await drainJobs(db);
    await schedule(db, new Date());
    const [mail] = (await mailsTo(db, [w.people.implementer.email])).filter((m) =>
      m.subject.includes(c.number),
    );
    expect(mail!.state).toBe("queued");
    expect(mail!.lastError).toBeTruthy();
    process.env.INTERLOCK_SMTP_URL = `smtp://127.0.0.1:${port}`;
    got.length = 0;
    await drainJobs(db, new Date(Date.now() + 20_000));
    expect(got.map((g) => g.subject)).toEqual([`${c.number} opens for you within 24 hours`]);
  });
});
