import "server-only";

/** A streamed export as a download: its file name, type and the newest row it covers. */
export function attachmentResponse(file: {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
  upToId: number;
}): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-interlock-export-up-to-id": String(file.upToId),
    },
  });
}
