/** Content type of the editable copy, and the Content-Disposition of a download with a Chinese file name (RFC 6266/5987). */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const attachmentDisposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Minimal shape of a Fastify reply, so this file stays free of server imports (the console reads DOCX_TYPE). */
type PdfReply = { type(t: string): PdfReply; header(k: string, v: string): PdfReply; send(b: Uint8Array): unknown };

/** A served document's PDF to a citizen: never cached, its SM3 in a header for checking, saved under `name`. */
export const sendDocumentPdf = (reply: PdfReply, sm3: string, name: string, bytes: Uint8Array) =>
  reply
    .type('application/pdf')
    .header('cache-control', 'no-store')
    .header('x-document-sm3', sm3)
    .header('content-disposition', attachmentDisposition(name))
    .send(bytes);
