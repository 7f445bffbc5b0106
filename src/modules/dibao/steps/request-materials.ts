import { sql } from 'kysely';
import { z } from 'zod';
import { chinaDate } from '../../../platform/china-time.ts';
import { transition } from '../../../kernel/workflow/index.ts';
import { issueDocument } from '../../../kernel/documents/index.ts';
import { DIBAO_DOCUMENTS } from '../documents/index.ts';

const materialsInput = z.object({
  missing: z
    .string()
    .trim()
    .min(2, '请列明需补齐的全部材料')
    .max(1000)
    .meta({ title: '需补齐的材料（一次性告知）', description: '一次列明全部缺少的材料，多项用顿号分隔' }),
});

/** 一次性告知: every missing material listed at once, the 一次性告知书 issued; the application waits for them. */
export const requestMaterials = transition({
  label: '一次性告知补齐材料',
  from: ['applied'],
  to: 'supplementing',
  who: { permission: 'dibao.handle' },
  input: materialsInput,
  effect: async ({ tx, case: c, input, actor }) => {
    const items = input.missing
      .split(/[、,，;；\n]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    await sql`update dibao.application set missing_materials = ${JSON.stringify({ items, toldOn: chinaDate(tx.clock.now()) })}::jsonb where case_id = ${c.id}`.execute(
      tx.db,
    );
    await issueDocument(tx, { type: DIBAO_DOCUMENTS.materials, caseId: c.id, actor });
  },
});
