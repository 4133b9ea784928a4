import { requireActor } from "@/lib/auth/session";

/** Printable records: signed in like the portal, but without its navigation. */
export default async function PrintLayout({ children }: { children: React.ReactNode }) {
  await requireActor();
  return (
    <main
      id="main"
      className="mx-auto max-w-4xl bg-white px-6 py-6 text-[13px] print:max-w-none print:px-0 print:py-0"
    >
      {children}
    </main>
  );
}
