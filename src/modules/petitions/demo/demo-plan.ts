import { prng, weighted, type Rng } from './prng.ts';
import { COUNTIES, intakeExtras, OPINION_TEXT, TOWNSHIPS, type Subject } from './demo-vocab.ts';
import { matter, person, petitionInput } from './demo-input.ts';
import { conclude, openMoves, type Flow, type Move, type OpenState, type PlannedPetition, type PlannedStep } from './demo-moves.ts';

export type { Move, PlannedPetition } from './demo-moves.ts';

/**
 * The demo year of 信访 (2019, the report's year) as a plan: which org registers each petition,
 * when, with what input, and which moves follow on which days. Pure and deterministic (seeded
 * PRNG), so the figures are the same on every installation; `seed-demo-petitions.ts` drives the
 * plan through the real kernel commands with a manual clock.
 *
 * The 63 petitions registered by the department (政策法规处, reference XF-640000-2019-…) between
 * January and mid-November reproduce the report's paragraph exactly: 63 件; 来信来访 53 批 153 人次
 * (the report says 150余); 40 transferred by 自治区信访局, 19 by 民政部; all concluded. The other
 * petitions are registered by cities, counties and townships across the whole area tree. Given today, the
 * plan also holds the previous year and this year to date (laterYears), so the dashboards' 同比 has a base.
 */

const cityOf = (county: string) => COUNTIES.find((c) => c[0] === county)?.[1] ?? `${county.slice(0, 4)}00`;
const bureau = (area: string) => `${area}-mzj`;

/** How the lower-level petitions of 2019 end (the later years' items end mostly in time, see LATER_FLOWS). */
const FLOWS_2019: Array<[Flow, number]> = [
  ['simple', 42],
  ['self', 22],
  ['refuse', 24],
  ['late', 6],
  ['review', 4],
  ['final', 2],
];

/**
 * One petition registered by a city, county or township about `county` (the i-th of its year), its day drawn
 * from `days` of `year`, concluded by a flow drawn from `flows`.
 */
function lowerPetition(r: Rng, i: number, county: string, o: { year: number; days: [number, number]; flows: Array<[Flow, number]> }) {
  const townships = TOWNSHIPS[county];
  const atCity = !townships && i % 9 === 4;
  const atTownship = !!townships && r.chance(0.35);
  const township = townships ? r.pick(townships) : null;
  const org = atCity ? bureau(cityOf(county)) : atTownship ? `${township}-gov` : bureau(county);
  const concerned = atTownship ? township! : townships && r.chance(0.6) ? township! : county;
  const channel = weighted(r, [
    ['来信', 30],
    ['来访', 34],
    ['网上信访', 12],
    ['电话', 12],
    ['上级转来', 12],
  ] as Array<[string, number]>);
  const source =
    channel === '上级转来'
      ? weighted(r, [
          ['12345', 6],
          ['自治区信访局', 3],
          ['其他', 2],
        ] as Array<[string, number]>)
      : channel === '电话' && r.chance(0.4)
        ? '12345'
        : null;
  const persons = channel === '来访' ? (r.chance(0.2) ? r.int(6, 30) : r.int(1, 3)) : channel === '来信' ? (r.chance(0.1) ? r.int(2, 6) : 1) : null;
  const m = matter(r);
  const people = Array.from({ length: Math.min(persons ?? 1, 5) }, () => person(r, county));
  const day = r.int(...o.days);
  const y = o.year;
  const input = petitionInput({
    m,
    channel,
    concerned,
    people,
    persons,
    source: source ? { sourceBody: source, sourceRef: source === '12345' ? `12345-${y}-${String(10000 + i)}` : `转〔${y}〕${i}号` } : null,
    extras: intakeExtras(i, m, county, channel, persons),
  });
  const flow = weighted(r, o.flows);
  const steps: PlannedStep[] = [];
  let holder = org;
  let d = day;
  if (atCity) {
    steps.push({ day: (d += r.int(1, 3)), minute: r.int(0, 400), move: { kind: 'handoff', to: bureau(county), by: org, transfer: true } });
    steps.push({ day: (d += r.int(0, 2)), minute: r.int(0, 400), move: { kind: 'ack', by: bureau(county) } });
    holder = bureau(county);
  } else if (townships && !atTownship && concerned !== county && r.chance(0.4)) {
    const to = `${concerned}-gov`;
    steps.push({ day: (d += r.int(1, 3)), minute: r.int(0, 400), move: { kind: 'handoff', to, by: org, transfer: false } });
    steps.push({ day: (d += r.int(0, 2)), minute: r.int(0, 400), move: { kind: 'ack', by: to } });
    holder = to;
  }
  // Reviews need a level above the holder inside the tree (a township's county, a county's city).
  steps.push(...conclude(r, holder, '', flow, d, (persons ?? 1) > 1));
  return { org, recent: false, year: y, day, minute: r.int(0, 400), input, steps };
}

/** The later years end mostly within the time limits: few reviews, no 复核 (which would also make the seed slower). */
const LATER_FLOWS: Array<[Flow, number]> = [
  ['simple', 46],
  ['self', 24],
  ['refuse', 22],
  ['late', 3],
  ['review', 5],
];
/** Petitions a year in the later years (fewer than 2019's: the first start stays quick). */
export const LATER_PER_YEAR = 30;

/**
 * The previous year and this year to date (`today`'s year and the one before), so that 同比 on the dashboards
 * compares with a year of work: LATER_PER_YEAR petitions a year over the cities, counties and townships, each
 * county weighted differently each year (some areas up, some down). Registered and moved up to yesterday: the
 * latest ones are still in progress. A seeded PRNG of its own per year, so 2019's draws are untouched.
 */
function laterYears(today: string): Array<Omit<PlannedPetition, 'key'>> {
  const thisYear = Number(today.slice(0, 4));
  const start = Date.UTC(thisYear - 1, 0, 1);
  const todayOffset = (Date.parse(`${today}T00:00:00Z`) - start) / 86_400_000;
  const out: Array<Omit<PlannedPetition, 'key'>> = [];
  for (const year of [thisYear - 1, thisYear]) {
    const r = prng(year * 10_000 + 1231);
    const weights = COUNTIES.map(([c, , w]) => [c, Math.max(1, w + r.int(-2, 3))] as [string, number]);
    const yearOffset = year === thisYear ? (Date.UTC(year, 0, 1) - start) / 86_400_000 : 0;
    for (let i = 0; i < LATER_PER_YEAR; i++) {
      // Every twelfth concluded late (over the 60 days of 第三十二条), as a real office has some.
      const p = lowerPetition(r, i, weighted(r, weights), { year, days: [3, 355], flows: i % 12 === 5 ? [['late', 1]] : LATER_FLOWS });
      // Up to yesterday: a petition registered since stays out, one still running stops where it has got to.
      const past = (day: number) => yearOffset + day < todayOffset - 1;
      if (past(p.day)) out.push({ ...p, steps: p.steps.filter((s) => past(s.day)) });
    }
  }
  return out;
}

/** The whole plan: department items, lower-level items, open ones in December recent ones and, given `today`, the
 * previous year and this year to date. */
export function demoPlan(opts: { lowerItems?: number; today?: string } = {}): PlannedPetition[] {
  const r = prng(20191231);
  const plan: PlannedPetition[] = [];
  let key = 0;
  const add = (p: Omit<PlannedPetition, 'key'>) => plan.push({ ...p, key: key++ });

  // 1. The department's 63 (report paragraph). Sources: 40 自治区信访局, 19 民政部, 4 direct.
  // Channels: 44 来信 (38 single + 6 joint letters = 56 人次), 9 来访 (97 人次), 7 网上信访, 3 电话.
  const sources = [...Array(40).fill('自治区信访局'), ...Array(19).fill('民政部'), ...Array(4).fill(null)] as Array<string | null>;
  const channels = [
    ...Array(30).fill('来信'),
    ...Array(6).fill('来访'),
    ...Array(4).fill('网上信访'),
    ...Array(14).fill('来信'),
    ...Array(2).fill('来访'),
    ...Array(3).fill('网上信访'),
    '来访',
    '电话',
    '电话',
    '电话',
  ] as string[];
  const letterPersons = [...Array(38).fill(1), 2, 2, 3, 3, 4, 4];
  const visitPersons = [25, 18, 15, 12, 10, 8, 5, 3, 1];
  // Visits about a county matter reach the department over two levels: 越级 (flagged by detectFlags).
  const skipVisit = new Set([1, 3, 4, 6, 7]);
  let li = 0;
  let vi = 0;
  const deptFlows: Flow[] = [
    ...Array(4).fill('refuse'),
    ...Array(3).fill('review'),
    'final',
    ...Array(4).fill('late'),
    ...Array(14).fill('simple'),
    ...Array(37).fill('self'),
  ];
  for (let i = 0; i < 63; i++) {
    const channel = channels[i]!;
    const source = sources[i];
    const county = r.pick(COUNTIES)[0];
    const persons = channel === '来信' ? letterPersons[li++]! : channel === '来访' ? visitPersons[vi++]! : null;
    const visitIdx = channel === '来访' ? vi - 1 : -1;
    const concerned = channel === '来访' && !skipVisit.has(visitIdx) ? (r.chance(0.5) ? '640000' : cityOf(county)) : r.chance(0.3) ? cityOf(county) : county;
    const m = matter(r);
    const people = persons && persons > 1 ? Array.from({ length: Math.min(persons, 5) }, () => person(r, county)) : [person(r, county)];
    const day = Math.floor((i * 318) / 63) + r.int(0, 3);
    const flow = deptFlows[(i * 37) % 63]!;
    const input = petitionInput({
      m,
      channel,
      concerned,
      people,
      persons,
      source: source ? { sourceBody: source, sourceRef: source === '民政部' ? `民信转〔2019〕${100 + i}号` : `宁信转〔2019〕${300 + i}号` } : null,
      extras: intakeExtras(i, m, county, channel, persons),
    });
    const steps: PlannedStep[] = [];
    let holder = '640000-mzt-fgc';
    let d = day;
    // About 40 %: 转送 to the city bureau; half of those go on down to the county (each hop signed for).
    const down = flow !== 'refuse' && concerned !== '640000' && r.chance(0.35);
    if (down) {
      const city = bureau(cityOf(county));
      steps.push({ day: (d += r.int(1, 3)), minute: r.int(0, 400), move: { kind: 'handoff', to: city, by: holder, transfer: true } });
      steps.push({ day: (d += r.int(0, 2)), minute: r.int(0, 400), move: { kind: 'ack', by: city } });
      holder = city;
      if (concerned !== cityOf(county) && r.chance(0.55)) {
        steps.push({ day: (d += r.int(1, 3)), minute: r.int(0, 400), move: { kind: 'handoff', to: bureau(county), by: holder, transfer: true } });
        steps.push({ day: (d += r.int(0, 2)), minute: r.int(0, 400), move: { kind: 'ack', by: bureau(county) } });
        holder = bureau(county);
      }
    }
    // 复查/复核 go to the level above the holder: only for items held below the department.
    const f: Flow = (flow === 'review' || flow === 'final') && holder === '640000-mzt-fgc' ? 'self' : flow;
    steps.push(...conclude(r, holder, '', f, d, (persons ?? 1) > 1));
    add({ org: '640000-mzt-fgc', recent: false, day, minute: r.int(0, 400), input, steps });
  }
  // Make sure the department's 复查 and 复核 examples exist: force a few transferred items through them.
  const transferred = plan.filter((p) => p.steps.some((s) => s.move.kind === 'ack'));
  for (const [i, p] of transferred.slice(0, 3).entries()) {
    const holder = [...p.steps].reverse().find((s) => s.move.kind === 'ack')!.move as { by: string };
    const first = p.steps.findIndex((s) => s.move.kind === 't' && s.move.name === 'accept');
    const start = p.steps[first]!.day - 1;
    p.steps = [...p.steps.slice(0, first), ...conclude(r, holder.by, '', i === 0 ? 'final' : 'review', start, false)];
  }

  // 2. Cities, counties and townships (registered there; 2019-01 … 2019-12-20).
  const lower = opts.lowerItems ?? 75;
  const weights = COUNTIES.map(([c, , w]) => [c, w] as [string, number]);
  for (let i = 0; i < lower; i++) {
    const county = i < COUNTIES.length ? COUNTIES[i]![0] : weighted(r, weights);
    add(lowerPetition(r, i, county, { year: 2019, days: [3, 340], flows: FLOWS_2019 }));
  }

  // Every demo township office handles at least one (the scope tests probe each holder).
  for (const [county, towns] of Object.entries(TOWNSHIPS)) {
    for (const town of towns.slice(0, 1)) {
      const m = matter(r, '低保');
      const day = r.int(20, 300);
      const input = {
        title: m.title,
        channel: '来访',
        category: m.category,
        subject: m.subject,
        concernedAreaCode: town,
        content: m.content,
        petitioners: [person(r, county)],
        visitBatch: 1,
        visitPersons: 1,
      };
      add({ org: `${town}-gov`, recent: false, day, minute: r.int(0, 400), input, steps: conclude(r, `${town}-gov`, '', 'simple', day, false) });
    }
  }

  // 3. 重信重访: the same person on the same matter again, months later (detected at registration).
  const originals = plan.filter((p, i) => i > 63 && i % 8 === 0 && p.day < 250).slice(0, 8);
  for (const o of originals) {
    const first = (o.input.petitioners as Array<Record<string, unknown>>)[0]!;
    const day = Math.min(o.day + r.int(60, 150), 350);
    const input: Record<string, unknown> = {
      ...o.input,
      title: `再次反映：${o.input.title}`,
      content: `再次反映。${o.input.content}`,
      petitioners: [first],
      visitPersons: 1,
      representatives: undefined,
    };
    if (input.channel !== '来访' && input.channel !== '来信') input.channel = '来信';
    add({ org: o.org, recent: false, day, minute: r.int(0, 400), input, steps: conclude(r, o.org, '', r.chance(0.5) ? 'refuse' : 'self', day, false) });
  }

  // 4. Still open at the end of the demo year: one petition in every open state (registered in December).
  const openAt: Array<[OpenState, string, string]> = [
    ['registered', '640302-mzj', '640302'],
    ['handed_off', '640200-mzj', '640221'],
    ['accepted', '640402-mzj', '640402'],
    ['simple', '640105-mzj', '640105'],
    ['handling', '640423-mzj', '640423101'],
    ['drafted', '640104-mzj', '640104002'],
    ['approved', '640522-mzj', '640522'],
    ['delivered', '640181-mzj', '640181'],
    ['review_requested', '640221-mzj', '640221101'],
    ['reviewing', '640324-mzj', '640324'],
    ['reviewed', '640502-mzj', '640502'],
    ['recheck_requested', '640422-mzj', '640422'],
    ['rechecking', '640121-mzj', '640121'],
  ];
  for (const [state, org, concerned] of openAt) {
    const m = matter(r);
    const late = state.includes('review') || state.includes('recheck') || state === 'delivered' || state === 'approved' ? r.int(230, 260) : r.int(335, 352);
    const input = {
      title: m.title,
      channel: r.pick(['来信', '网上信访', '电话']),
      category: m.category,
      subject: m.subject,
      concernedAreaCode: concerned,
      content: m.content,
      petitioners: [person(r, concerned.slice(0, 6))],
    };
    const steps =
      state === 'handed_off'
        ? [{ day: late + 1, minute: 60, move: { kind: 'handoff', to: bureau(concerned), by: org, transfer: true } as Move }]
        : openMoves(r, org, state, late);
    add({ org, recent: false, day: late, minute: r.int(0, 400), input, steps });
  }

  // 5. Recent (relative to today): the demo accounts' worklists have something to do.
  const recent: Array<{ org: string; ago: number; concerned: string; subject: Subject; channel: string; steps: PlannedStep[]; persons?: number }> = [
    { org: '640000-mzt-fgc', ago: 1, concerned: '640104', subject: '低保', channel: '网上信访', steps: [] },
    {
      org: '640000-mzt-fgc',
      ago: 2,
      concerned: '640100',
      subject: '养老服务',
      channel: '来信',
      steps: [{ day: 1, minute: 30, move: { kind: 'handoff', to: '640100-mzj', by: '640000-mzt-fgc', transfer: true } }],
    },
    {
      org: '640100-mzj',
      ago: 2,
      concerned: '640104',
      subject: '特困',
      channel: '来信',
      steps: [{ day: 1, minute: 60, move: { kind: 'handoff', to: '640104-mzj', by: '640100-mzj', transfer: true } }],
    },
    {
      org: '640100-mzj',
      ago: 12,
      concerned: '640106',
      subject: '殡葬',
      channel: '电话',
      steps: [
        { day: 10, minute: 30, move: { kind: 't', name: 'accept', by: '640100-mzj', input: {} } },
        { day: 10, minute: 90, move: { kind: 't', name: 'start', by: '640100-mzj' } },
      ],
    },
    {
      org: '640104-mzj',
      ago: 6,
      concerned: '640104001',
      subject: '低保',
      channel: '来访',
      persons: 8,
      steps: [
        { day: 5, minute: 30, move: { kind: 't', name: 'accept', by: '640104-mzj', input: {} } },
        { day: 5, minute: 60, move: { kind: 't', name: 'start', by: '640104-mzj' } },
      ],
    },
    {
      org: '640104-mzj',
      ago: 20,
      concerned: '640104002',
      subject: '婚姻登记',
      channel: '来信',
      steps: [
        { day: 18, minute: 30, move: { kind: 't', name: 'accept', by: '640104-mzj', input: {} } },
        { day: 18, minute: 60, move: { kind: 't', name: 'start', by: '640104-mzj' } },
        { day: 2, minute: 120, move: { kind: 't', name: 'draft', by: '640104-mzj', input: { opinion: '支持', text: OPINION_TEXT['支持'] } } },
      ],
    },
    { org: '640104-mzj', ago: 4, concerned: '640104', subject: '养老服务', channel: '电话', steps: [] },
    { org: '640423-mzj', ago: 1, concerned: '640423100', subject: '低保', channel: '来访', persons: 3, steps: [] },
    {
      org: '640423-mzj',
      ago: 15,
      concerned: '640423101',
      subject: '特困',
      channel: '来信',
      steps: [
        { day: 13, minute: 30, move: { kind: 't', name: 'accept', by: '640423-mzj', input: {} } },
        { day: 13, minute: 60, move: { kind: 't', name: 'start', by: '640423-mzj' } },
      ],
    },
    {
      org: '640400-mzj',
      ago: 1,
      concerned: '640423',
      subject: '区划地名',
      channel: '来信',
      steps: [{ day: 0, minute: 200, move: { kind: 'handoff', to: '640423-mzj', by: '640400-mzj', transfer: true } }],
    },
  ];
  for (const x of recent) {
    const m = matter(r, x.subject);
    const persons = x.persons ?? 1;
    const input = {
      title: m.title,
      channel: x.channel,
      category: m.category,
      subject: m.subject,
      concernedAreaCode: x.concerned,
      content: m.content,
      petitioners: Array.from({ length: Math.min(persons, 5) }, () => person(r, x.concerned.slice(0, 6))),
      ...(x.channel === '来访' ? { visitBatch: 1, visitPersons: persons, ...(persons > 5 ? { representatives: 5 } : {}) } : {}),
    };
    // For recent items, a step's `day` counts days before today (0 = today), like the registration.
    add({ org: x.org, recent: true, day: x.ago, minute: 0, input, steps: x.steps });
  }

  // 6. The previous year and this year to date (for 同比).
  if (opts.today) for (const p of laterYears(opts.today)) add(p);
  return plan;
}
