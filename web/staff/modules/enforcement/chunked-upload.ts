import { enforcementApi, type UploadStatus } from './api.ts';

/**
 * Send the chunks the server does not have yet (all of them for a new upload; the missing ones after
 * a broken connection or a reload), one at a time, reporting the bytes received; `stop()` returning
 * true pauses between chunks. Then the caller completes the upload.
 */
export async function sendMissingChunks(file: File, status: UploadStatus, onProgress: (received: number) => void, stop: () => boolean) {
  let received = status.receivedBytes;
  onProgress(received);
  for (const i of status.missing) {
    if (stop()) return false;
    const from = i * status.chunkBytes;
    const chunk = file.slice(from, Math.min(from + status.chunkBytes, file.size));
    received = (await enforcementApi.putChunk(status.id, i, chunk)).receivedBytes;
    onProgress(received);
  }
  return true;
}

/** Where an unfinished upload of a case is remembered, so choosing the same file again resumes it. */
const key = (caseId: string) => `mz-evidence-upload:${caseId}`;
export type Remembered = { id: string; name: string; size: number };
export const rememberUpload = (caseId: string, r: Remembered | null) =>
  r ? localStorage.setItem(key(caseId), JSON.stringify(r)) : localStorage.removeItem(key(caseId));
export function rememberedUpload(caseId: string): Remembered | null {
  try {
    return JSON.parse(localStorage.getItem(key(caseId)) ?? 'null') as Remembered | null;
  } catch {
    return null;
  }
}

/** The type the server expects for a file name (the browser's guess is often empty for .amr / .m4a). */
const BY_EXT: Record<string, string> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/webm',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  amr: 'audio/amr',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  pdf: 'application/pdf',
};
export const declaredType = (f: File) => BY_EXT[f.name.split('.').pop()?.toLowerCase() ?? ''] ?? (f.type || 'application/octet-stream');
export const ACCEPT = Object.keys(BY_EXT)
  .map((e) => `.${e}`)
  .join(',');
