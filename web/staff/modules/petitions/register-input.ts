import type { RegisterPetitionInput } from './api.ts';

/** The register form's values and the request body made from them. */
export type Person = { name?: string; idNumber?: string; phone?: string; address?: string; role?: '信访人' | '代表' };
export type Values = {
  channel: string;
  visitKind?: 'individual' | 'group';
  visitBatch?: number;
  visitPersons?: number;
  representatives?: number;
  sourceBody?: string;
  sourceRef?: string;
  originalForm?: string;
  receivedOn?: string;
  complainedOrg?: string;
  accusedName?: string;
  accusedOrgId?: string;
  urgent?: boolean;
  urgentNote?: string;
  petitioners: Person[];
  anonymous?: boolean;
  title: string;
  category?: string;
  subject?: string;
  concernedAreaCode?: string;
  content: string;
};

export const blankPerson: Person = { role: '信访人' };
export const INITIAL: Partial<Values> = { channel: '来访', visitKind: 'individual', visitBatch: 1, visitPersons: 1, petitioners: [blankPerson] };
const trimmed = (s?: string) => (s?.trim() ? s.trim() : undefined);

/** The request body from the form (the server validates everything again). */
export function toRegisterInput(v: Values): RegisterPetitionInput {
  const visit = v.channel === '来访';
  const group = visit && v.visitKind === 'group';
  const anonymous = v.category === '检举控告' && !!v.anonymous;
  return {
    channel: v.channel,
    ...(v.channel === '上级转来' ? { sourceBody: v.sourceBody, sourceRef: trimmed(v.sourceRef), originalForm: v.originalForm } : {}),
    ...(v.receivedOn ? { receivedOn: v.receivedOn } : {}),
    ...(trimmed(v.complainedOrg) ? { complainedOrg: trimmed(v.complainedOrg) } : {}),
    ...(v.category === '检举控告' ? { accusedName: trimmed(v.accusedName), accusedOrgId: v.accusedOrgId || undefined } : {}),
    ...(v.urgent ? { urgent: true, urgentNote: trimmed(v.urgentNote) } : {}),
    ...(visit
      ? { visitBatch: group ? (v.visitBatch ?? 1) : 1, visitPersons: group ? v.visitPersons : 1, representatives: group ? (v.representatives ?? 0) : undefined }
      : {}),
    title: v.title.trim(),
    category: v.category!,
    subject: v.subject!,
    concernedAreaCode: v.concernedAreaCode!,
    content: v.content.trim(),
    anonymous,
    petitioners: anonymous
      ? []
      : (v.petitioners ?? [])
          .filter((p) => trimmed(p.name) || trimmed(p.idNumber) || trimmed(p.phone))
          .map((p) => ({
            name: (p.name ?? '').trim(),
            idNumber: trimmed(p.idNumber)?.toUpperCase(),
            phone: trimmed(p.phone),
            address: trimmed(p.address),
            role: group ? (p.role ?? '信访人') : '信访人',
          })),
  };
}
