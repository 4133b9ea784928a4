import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Interlock", template: "%s · Interlock" },
  description: "Governed security changes to operational technology",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request headers makes every page dynamic, which the CSP nonce requires.
  await headers();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
