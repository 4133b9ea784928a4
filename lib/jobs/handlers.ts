import "server-only";
import { CHANGE_EVENT_JOB } from "@/lib/services/notifications/enqueue-change-event";
import { handleChangeEvent } from "@/lib/services/notifications/handle-change-event";
import { MAIL_JOB } from "@/lib/services/notifications/internal/deliver";
import { WEBHOOK_JOB } from "@/lib/services/notifications/internal/queue-webhooks";
import { sendMail } from "@/lib/services/notifications/send-mail";
import { deliverWebhook } from "@/lib/services/notifications/deliver-webhook";
import { handleReminder } from "@/lib/services/notifications/handle-reminder";
import { handleAdvisoryReminder } from "@/lib/services/notifications/handle-advisory-reminder";
import {
  ADVISORY_REMINDER_JOB,
  advisoryReminders,
} from "@/lib/services/notifications/find-advisory-reminders";
import { DIGEST_JOB, digestFinder, sendDigest } from "@/lib/services/notifications/send-digests";
import { REMINDER_FINDERS, REMINDER_JOB } from "@/lib/services/notifications/find-due-reminders";
import type { DueFinder } from "./scheduler";
import type { JobHandler } from "./worker";

/** Every kind of job and what runs it. */
export const JOB_HANDLERS: Readonly<Record<string, JobHandler>> = {
  [CHANGE_EVENT_JOB]: handleChangeEvent,
  [MAIL_JOB]: sendMail,
  [WEBHOOK_JOB]: deliverWebhook,
  [REMINDER_JOB]: handleReminder,
  [ADVISORY_REMINDER_JOB]: handleAdvisoryReminder,
  [DIGEST_JOB]: sendDigest,
};

/** What the scheduler looks for at each pass. */
export const DUE_FINDERS: readonly DueFinder[] = [...REMINDER_FINDERS, advisoryReminders, digestFinder];
