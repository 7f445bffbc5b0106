/** Content type of the editable copy, and the Content-Disposition of a download with a Chinese file name (RFC 6266/5987). */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const attachmentDisposition = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
