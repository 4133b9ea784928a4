import "server-only";
import PDFDocument from "pdfkit";

export type Pdf = PDFKit.PDFDocument;

const MARGIN = 48;
export const INK = "#0f172a";
export const MUTED = "#475569";
export const RULE = "#cbd5e1";

/**
 * Helvetica covers Western European text (WinAnsi). Characters outside it would print as
 * garbage, so they are replaced by "?" rather than silently misprinted.
 */
export function printable(s: string | null | undefined): string {
  if (!s) return "";
  return s
    .replace(/[\u2192\u21d2]/g, "->")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\u0009\u000a\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2026\u20ac]/g, "?");
}

export function newPdf(info: { title: string; author: string; subject: string }): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN + 12, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: printable(info.title),
      Author: printable(info.author),
      Subject: printable(info.subject),
      Creator: "Interlock",
    },
  });
  doc.font("Helvetica").fontSize(9).fillColor(INK);
  return doc;
}

export function heading(doc: Pdf, text: string) {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.8);
  doc.font("Helvetica-Bold").fontSize(11).fillColor(INK).text(printable(text.toUpperCase()));
  const y = doc.y + 1;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .strokeColor(RULE)
    .lineWidth(0.7)
    .stroke();
  doc.moveDown(0.4);
  doc.font("Helvetica").fontSize(9).fillColor(INK);
}

/** "Label: value" lines; long values wrap under their label. */
export function facts(doc: Pdf, items: [string, string][]) {
  for (const [label, value] of items) {
    doc
      .font("Helvetica-Bold")
      .fillColor(INK)
      .text(`${printable(label)}: `, { continued: true });
    doc.font("Helvetica").text(printable(value) || "—");
  }
}

export function para(doc: Pdf, text: string, opts: { muted?: boolean; bold?: boolean; size?: number } = {}) {
  doc
    .font(opts.bold ? "Helvetica-Bold" : "Helvetica")
    .fontSize(opts.size ?? 9)
    .fillColor(opts.muted ? MUTED : INK)
    .text(printable(text));
  doc.fontSize(9).fillColor(INK).font("Helvetica");
}

/** Page numbers and the record's identity on every page, written once all pages exist. */
export function footers(doc: Pdf, left: string) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN + 4;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(printable(left), MARGIN, y, {
        width: doc.page.width - 2 * MARGIN,
        align: "left",
        lineBreak: false,
      })
      .text(`Page ${i + 1} of ${range.count}`, MARGIN, y, {
        width: doc.page.width - 2 * MARGIN,
        align: "right",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
