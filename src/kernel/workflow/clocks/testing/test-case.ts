import type { AppContext } from '../../../../platform/context.ts';
import { uuidv7 } from '../../../../platform/ids.ts';

/** A bare core.case row for clock tests (the FK needs one); area and org unit are 隆德县民政局. */
export async function insertTestCase(ctx: AppContext): Promise<string> {
  const org = await ctx.db.selectFrom('core.org_unit').select('id').where('code', '=', '640423-mzj').executeTakeFirstOrThrow();
  const id = uuidv7();
  await ctx.db
    .insertInto('core.case')
    .values({
      id,
      type: 'clock_test',
      ref_no: `CLK-${id}`,
      title: '期限计时测试',
      state: 'open',
      area_code: '640423',
      area_path: '640000.640400.640423',
      org_unit_id: org.id,
    })
    .execute();
  return id;
}
