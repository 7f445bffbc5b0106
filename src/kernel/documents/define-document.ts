import type { AppContext } from '../../platform/context.ts';
import type { CaseRow } from '../workflow/define-workflow.ts';
import type { DocumentContent } from './content.ts';

/** What a template fills from the case; the kernel adds number, version, date and verification code. */
export type DocumentFill = Pick<DocumentContent, 'recipient' | 'body' | 'remedy'> & {
  /** 发文机关署名; the name of the org unit holding the case when left out. */
  issuer?: string;
};

/**
 * A document type: a module-owned template (see README.md). `fill` runs inside the issuing
 * transaction and reads what it needs from the module's tables; it throws (4xx) when the case
 * has not reached the point where the document exists.
 */
export type DocumentType = {
  /** Stable key, `<case type>.<name>`, e.g. complaint.reply. */
  type: string;
  /** The case type it is issued from. */
  caseType: string;
  /** 标题. */
  title: string;
  /** 发文字号 prefix: the number reads `${prefix}〔${year}〕${n}号`, gapless per type and year. */
  numberPrefix: string;
  /** Permission (within the case's scope) needed to issue or re-issue it by hand. */
  issuePermission: string;
  /** Case states in which staff may issue or re-issue it by hand (steps that issue it do so themselves). */
  issuableIn: readonly string[];
  /** Offer an editable docx copy to staff. */
  docx: boolean;
  fill(tx: AppContext, c: CaseRow): Promise<DocumentFill>;
};

/**
 * A document issued from a module's own record (its subject) rather than a case — a 整改通知书 from a spot-check item.
 * The module fills it when it issues it (`issueSubjectDocument`); the row keeps the subject's area path and org unit,
 * and `readPermission` in that scope opens the file.
 */
export type SubjectDocumentType = {
  /** Stable key, `<subject type>.<name>`. */
  type: string;
  /** What it is issued from, e.g. orgs_spot_check_item. */
  subjectType: string;
  title: string;
  numberPrefix: string;
  /** Permission (within the subject's scope) needed to read the file. */
  readPermission: string;
  docx: boolean;
};

const registry = new Map<string, DocumentType>();
const subjects = new Map<string, SubjectDocumentType>();

function claim(type: string, had: unknown, t: unknown) {
  if (had && had !== t) throw new Error(`document type ${type} is defined twice`);
  if (!/^[a-z_]+\.[a-z_]+$/.test(type)) throw new Error(`document type ${type}: use <case or subject type>.<name>`);
}

/** Declare a document type (once, at module load); the same key twice is a programming error. */
export function defineDocument(t: DocumentType): DocumentType {
  claim(t.type, registry.get(t.type) ?? subjects.get(t.type), t);
  registry.set(t.type, t);
  return t;
}

/** Declare a subject document type (once, at module load); keys share one namespace with the case documents'. */
export function defineSubjectDocument(t: SubjectDocumentType): SubjectDocumentType {
  claim(t.type, subjects.get(t.type) ?? registry.get(t.type), t);
  subjects.set(t.type, t);
  return t;
}

export function documentTypeOf(type: string): DocumentType | undefined {
  return registry.get(type);
}

export function subjectDocumentTypeOf(type: string): SubjectDocumentType | undefined {
  return subjects.get(type);
}

export function documentTypesFor(caseType: string): DocumentType[] {
  return [...registry.values()].filter((t) => t.caseType === caseType);
}
