import { weighted, type Rng } from './prng.ts';
import { demoIdNumber, GIVEN, MATTERS, SUBJECT_WEIGHTS, SURNAMES, type Subject } from './demo-vocab.ts';

/** A demo petitioner from `county` (name, ID number, phone). */
export function person(r: Rng, county: string) {
  return {
    name: r.pick(SURNAMES) + r.pick(GIVEN),
    idNumber: demoIdNumber(county, r.int(1940, 1995), r),
    phone: `139${String(r.int(10000000, 99999999))}`,
    address: '宁夏',
  };
}

export type Matter = { subject: Subject; title: string; category: string; content: string };

/** A demo matter of `subject` (or one drawn by the subjects' weights). */
export function matter(r: Rng, subject?: Subject): Matter {
  const s = subject ?? weighted(r, SUBJECT_WEIGHTS);
  const [title, category, content] = r.pick(MATTERS[s]);
  return { subject: s, title, category, content };
}

/**
 * The registration input of a planned letter, visit or call: the matter, its petitioners (beyond five persons the first
 * five are 代表), the body it was transferred from, the intake extras and the 批次/人次 a letter or visit counts.
 */
export function petitionInput(p: {
  m: Matter;
  channel: string;
  concerned: string;
  people: object[];
  persons: number | null;
  source: { sourceBody: string; sourceRef: string } | null;
  extras: Record<string, unknown>;
}): Record<string, unknown> {
  const { m, channel, persons } = p;
  return {
    title: m.title,
    channel,
    category: m.category,
    subject: m.subject,
    concernedAreaCode: p.concerned,
    content: m.content,
    petitioners: p.people.map((x, k) => ({ ...x, role: (persons ?? 1) > 5 && k < 5 ? '代表' : '信访人' })),
    ...(p.source ?? {}),
    ...p.extras,
    ...(channel === '来访'
      ? { visitBatch: 1, visitPersons: persons, ...(persons! > 5 ? { representatives: 5 } : {}) }
      : channel === '来信'
        ? { visitPersons: persons }
        : {}),
  };
}
