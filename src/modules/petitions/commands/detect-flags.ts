import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { badRequest } from '../../../platform/errors.ts';
import { FINAL_MATCH_GUIDANCE, FIRST_TIME_SKIP_LEVEL_GUIDANCE, REPEAT_GUIDANCE } from '../contract.ts';
import { petitionSetting } from './settings.ts';
import { competentLevelFor, contentSimilarity, isSkipLevel, petitionLevel } from '../policies.ts';

export type RepeatMatch = { caseId: string; refNo: string; state: string; similarity: number };
export type PetitionFlags = {
  concernedAreaPath: string;
  repeat: RepeatMatch | null;
  /**
   * The most similar earlier matter of the same person that is 复核终结 (state final), if any: a flag for
   * the handler, who decides whether it is 「同一事实和理由」(第三十六条第三款) — text similarity never refuses.
   */
  finalMatch: RepeatMatch | null;
  skipLevel: boolean;
  /** 首次越级: no earlier petition of the same person. */
  firstTime: boolean;
  suggestions: string[];
};

/**
 * 重信重访 (同人 = a shared 身份证号 hash, 同事 = bigram similarity ≥ threshold) and 越级
 * (a visit to an org two or more levels above the competent one).
 */
export async function detectFlags(
  tx: AppContext,
  req: { idHashes: string[]; content: string; concernedAreaCode: string; receivingOrgPath: string; visit: boolean },
): Promise<PetitionFlags> {
  const area = (await sql<{ path: string; level: number }>`select path, level from core.area where code = ${req.concernedAreaCode}`.execute(tx.db)).rows[0];
  if (!area) throw badRequest('AREA_NOT_FOUND', '「问题发生地」区划代码不存在', { field: 'concernedAreaCode' });
  let repeat: RepeatMatch | null = null;
  let finalMatch: RepeatMatch | null = null;
  let earlier = 0;
  if (req.idHashes.length) {
    const rows = (
      await sql<{ case_id: string; ref_no: string; state: string; content: string }>`
      select distinct p.case_id, c.ref_no, c.state, p.content from petitions.petitioner r
      join petitions.petition p on p.case_id = r.case_id join core.case c on c.id = p.case_id
      where r.id_hash in (${sql.join(req.idHashes)}) order by p.case_id desc limit 200`.execute(tx.db)
    ).rows;
    earlier = rows.length;
    const threshold = await petitionSetting(tx, 'repeat.similarityThreshold');
    for (const r of rows) {
      const s = contentSimilarity(req.content, r.content);
      const m = { caseId: r.case_id, refNo: r.ref_no, state: r.state, similarity: Math.round(s * 100) / 100 };
      if (s >= threshold && (!repeat || s > repeat.similarity)) repeat = m;
      if (s >= threshold && r.state === 'final' && (!finalMatch || s > finalMatch.similarity)) finalMatch = m;
    }
  }
  const target = petitionLevel(req.receivingOrgPath.split('.').length);
  // 越级 is about 走访 (第二十条): letters and online items are routed by the platform, not by the citizen.
  const skipLevel = req.visit && isSkipLevel(target, competentLevelFor(Number(area.level), await petitionSetting(tx, 'intake.competentAreaLevel')));
  const firstTime = earlier === 0;
  const suggestions: string[] = [];
  if (repeat) suggestions.push(`${REPEAT_GUIDANCE}（原事项 ${repeat.refNo}，相似度 ${repeat.similarity}）`);
  if (finalMatch) suggestions.push(FINAL_MATCH_GUIDANCE(finalMatch.refNo));
  if (skipLevel)
    suggestions.push(
      firstTime ? FIRST_TIME_SKIP_LEVEL_GUIDANCE : '越级走访：已有信访记录，请引导信访人向有权处理的本级或上一级机关提出；申诉求决类越级走访不予受理。',
    );
  return { concernedAreaPath: area.path, repeat, finalMatch, skipLevel, firstTime, suggestions };
}
