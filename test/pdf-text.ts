import { PDFParse } from "pdf-parse";

/** A PDF's text with runs of white space as one space, to match phrases across line breaks. */
export async function pdfText(buf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(buf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}
