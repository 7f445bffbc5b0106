import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { ANSWER_KINDS, APPLICANT_KINDS, CATEGORIES, ITEM_TYPE, REQUEST_TYPE, RESULT_GROUPS, RESULT_ROWS, type AnswerKind } from '../contracts/labels.ts';
import type { AnnualTables } from '../contracts/http.ts';
import type { AnnualArea } from './annual-area.ts';
import { annualActs, annualRemedies } from './annual-acts.ts';

type Cell = { value: number; ids: string[] };
const cell = (ids: string[]): Cell => ({ value: ids.length, ids: [...ids].sort() });
export const REQUEST_COLUMNS = ['自然人', ...APPLICANT_KINDS.slice(1), '总计'];

type Req = { id: string; kind: string; received: string; answered: string | null; answer: AnswerKind | null; fee: number; late: boolean };
type It = { id: string; category: number; published: string | null; withdrawn: string | null; validity: string };

/** Rows of the actor's readable records under the area (its subtree). */
async function rows<T>(ctx: AppContext, actor: Actor, area: AnnualArea, type: string, cols: ReturnType<typeof sql>, table: string): Promise<T[]> {
  const r = await ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`${sql.table(table)}`.as('x'), (j) => j.onRef(sql.ref('x.case_id') as never, '=', 'c.id'))
    .where('c.type', '=', type)
    .where(sql<boolean>`(c.area_path = ${area.path} or c.area_path like ${area.path + '.%'})`)
    .where(caseReadable(actor, 'disclosure.read'))
    .select(cols.as('j'))
    .execute();
  return (r as unknown as Array<{ j: T }>).map((x) => x.j);
}

/**
 * The 国办公开办函〔2021〕30号 tables of a year: 二、主动公开 by 第二十条 category, 三、依申请公开 (the
 * applicant columns; rows 一 新收, 二 上年结转, 三 办理结果 (一)–(六) with their sub-rows and (七) 总计, 四
 * 结转下年度) with the 一+二=三+四 check per column, and 信息处理费. Every cell carries its record ids.
 */
export async function annualTables(ctx: AppContext, actor: Actor, area: AnnualArea, year: number): Promise<AnnualTables> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const reqs = await rows<Req>(
    ctx,
    actor,
    area,
    REQUEST_TYPE,
    sql`json_build_object('id', c.id, 'kind', x.applicant_kind, 'received', x.received_on::text, 'answered', x.answered_on::text,
      'answer', x.answer_kind, 'fee', x.fee_yuan, 'late', exists (select 1 from core.deadline_clock k where k.case_id = c.id and k.name = 'answer' and k.state = 'missed'))`,
    'disclosure.request',
  );
  const items = await rows<It>(
    ctx,
    actor,
    area,
    ITEM_TYPE,
    sql`json_build_object('id', c.id, 'category', x.category, 'published', x.published_on::text, 'withdrawn', x.withdrawn_on::text, 'validity', x.validity)`,
    'disclosure.item',
  );
  const inYear = (d: string | null) => !!d && d >= from && d <= to;
  const proactive = CATEGORIES.map((label, i) => {
    const mine = items.filter((it) => it.category === i + 1);
    return {
      category: label,
      published: cell(mine.filter((it) => inYear(it.published)).map((it) => it.id)),
      withdrawn: cell(mine.filter((it) => inYear(it.withdrawn)).map((it) => it.id)),
      current: cell(
        mine.filter((it) => it.published && it.published <= to && (!it.withdrawn || it.withdrawn > to) && it.validity === '有效').map((it) => it.id),
      ),
    };
  });
  const byColumn = (set: Req[]) => [...APPLICANT_KINDS.map((k) => cell(set.filter((r) => r.kind === k).map((r) => r.id))), cell(set.map((r) => r.id))];
  const fresh = reqs.filter((r) => inYear(r.received));
  const carried = reqs.filter((r) => r.received < from && (!r.answered || r.answered >= from));
  const done = [...fresh, ...carried].filter((r) => inYear(r.answered));
  const next = [...fresh, ...carried].filter((r) => !r.answered || r.answered > to);
  const resultRows = RESULT_ROWS.map(({ group, row }) => {
    const set = done.filter((r) => {
      const k = ANSWER_KINDS[r.answer!];
      return k.group === group && (!row || k.row === row);
    });
    return { label: row || RESULT_GROUPS[group]!, level: row ? 2 : 1, cells: byColumn(set) };
  });
  const requestRows = [
    { label: '一、本年新收政府信息公开申请数量', level: 0, cells: byColumn(fresh) },
    { label: '二、上年结转政府信息公开申请数量', level: 0, cells: byColumn(carried) },
    { label: '三、本年度办理结果', level: 0, cells: byColumn([]) },
    ...resultRows,
    { label: '（七）总计', level: 1, cells: byColumn(done) },
    { label: '四、结转下年度继续办理', level: 0, cells: byColumn(next) },
  ];
  const [a, b, c, d] = [fresh, carried, done, next].map(byColumn) as [Cell[], Cell[], Cell[], Cell[]];
  const bad = REQUEST_COLUMNS.filter((_, i) => a[i]!.value + b[i]!.value !== c[i]!.value + d[i]!.value);
  return {
    year,
    area: { code: area.code, name: area.name },
    proactive,
    acts: await annualActs(ctx, actor, area, year),
    remedies: await annualRemedies(ctx, actor, area, year),
    requestColumns: REQUEST_COLUMNS,
    requestRows,
    crossCheck: {
      ok: bad.length === 0,
      text: bad.length
        ? `核对不一致：${bad.join('、')}列“一+二”不等于“三+四”`
        : `核对一致：各列“一、本年新收”+“二、上年结转”=“三、办理结果总计”+“四、结转下年度”（总计 ${fresh.length} + ${carried.length} = ${done.length} + ${next.length}）`,
    },
    fees: {
      value: done.reduce((n, r) => n + Number(r.fee), 0),
      ids: done
        .filter((r) => Number(r.fee) > 0)
        .map((r) => r.id)
        .sort(),
    },
    onTime: { answered: done.length, late: cell(done.filter((r) => r.late).map((r) => r.id)) },
  };
}
