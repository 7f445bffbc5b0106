import { ALLOWED_ATTACHMENT_TYPES } from '../../../kernel/workflow/index.ts';

type Kind = { ext: string[]; magic: (b: Buffer) => boolean };
const ascii = (b: Buffer, from: number, to: number) => b.subarray(from, to).toString('latin1');
/** ISO base media (MP4, MOV, M4A): `ftyp` at byte 4, then the major brand. */
const brand = (b: Buffer) => (ascii(b, 4, 8) === 'ftyp' ? ascii(b, 8, 12) : null);
const base = (t: string): Kind => ALLOWED_ATTACHMENT_TYPES[t]!;

/**
 * What an evidence file may be (全过程记录: photos, recordings, videos, documents), each known by its
 * first bytes — the declared type must be what the content is. Order matters only for the sniff.
 */
export const EVIDENCE_TYPES: Record<string, Kind> = {
  'video/mp4': { ext: ['mp4', 'm4v'], magic: (b) => brand(b) !== null && !['qt  ', 'M4A '].includes(brand(b)!) },
  'video/quicktime': { ext: ['mov'], magic: (b) => brand(b) === 'qt  ' },
  'video/webm': { ext: ['webm', 'mkv'], magic: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  'audio/mp4': { ext: ['m4a'], magic: (b) => brand(b) === 'M4A ' },
  'audio/mpeg': { ext: ['mp3'], magic: (b) => ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) },
  'audio/wav': { ext: ['wav'], magic: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE' },
  'audio/amr': { ext: ['amr'], magic: (b) => ascii(b, 0, 6) === '#!AMR\n' },
  'image/jpeg': base('image/jpeg'),
  'image/png': base('image/png'),
  'application/pdf': base('application/pdf'),
};

/** How many leading bytes the sniff reads. */
export const SNIFF_BYTES = 16;

/** The type the content is, by its first bytes (null: none of the allowed ones). */
export function sniffEvidence(head: Buffer): string | null {
  return Object.entries(EVIDENCE_TYPES).find(([, k]) => k.magic(head))?.[0] ?? null;
}

/** Whether a file name's extension fits a declared type. */
export const extensionFits = (fileName: string, mime: string) => EVIDENCE_TYPES[mime]?.ext.includes(fileName.split('.').pop()?.toLowerCase() ?? '') ?? false;
