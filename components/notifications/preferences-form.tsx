"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import {
  CHANNEL_LABELS,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from "@/lib/domain/notifications/kinds";
import type { FormResult } from "@/lib/schemas/form-result";
import type { PreferenceView } from "@/lib/types/notifications";

/** One row per kind: choosing a channel saves it at once and says so. */
export function PreferencesForm({
  items,
  save,
}: {
  items: PreferenceView[];
  save: (values: { kind: string; channel: NotificationChannel }) => Promise<FormResult>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <>
      <p role="status" aria-live="polite" className="mb-2 min-h-5 text-sm text-green-800">
        {status?.ok ? status.text : ""}
      </p>
      {status && !status.ok ? <Alert>{status.text}</Alert> : null}
      <Table caption="How you are told of each kind of notification">
        <thead>
          <tr>
            <Th>Notification</Th>
            <Th>Who gets it</Th>
            <Th>How you are told</Th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.kind}>
              <Td className="font-medium">{p.label}</Td>
              <Td className="text-slate-600">{p.audience}</Td>
              <Td>
                <select
                  aria-label={`How you are told: ${p.label}`}
                  defaultValue={p.channel}
                  disabled={pending}
                  className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
                  onChange={(e) => {
                    const channel = e.target.value as NotificationChannel;
                    start(async () => {
                      const r = await save({ kind: p.kind, channel });
                      setStatus(
                        r.ok
                          ? {
                              ok: true,
                              text: `Saved: ${p.label} — ${CHANNEL_LABELS[channel].toLowerCase()}.`,
                            }
                          : { ok: false, text: r.message },
                      );
                      router.refresh();
                    });
                  }}
                >
                  {NOTIFICATION_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {CHANNEL_LABELS[c]}
                    </option>
                  ))}
                </select>
                {p.isDefault ? <span className="ml-2 text-xs text-slate-500">default</span> : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
