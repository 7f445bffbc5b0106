import { AppError } from '../../../platform/errors.ts';
import { transition } from '../../../kernel/workflow/index.ts';
import { loadApplication } from '../load-application.ts';
import { startPublicity } from './publicity.ts';

/** 张榜公示: only a 拟同意 opinion is posted. */
export const publicize = transition({
  label: '张榜公示',
  primary: true,
  from: ['reviewed'],
  to: 'publicizing',
  who: { permission: 'dibao.handle' },
  effect: async ({ tx, case: c }) => {
    const a = await loadApplication(tx, c.id);
    if (a.township_opinion?.opinion !== '拟同意')
      throw new AppError('DIBAO_PUBLICITY_NOT_NEEDED', 409, '乡镇审核意见为「拟不同意」，不公示，请直接「报送确认」');
    await startPublicity(tx, c);
  },
});

/** A 拟不同意 opinion goes up for the decision without 公示. */
export const skipPublicity = transition({
  label: '报送确认（拟不同意，不公示）',
  from: ['reviewed'],
  to: 'awaiting_confirm',
  who: { permission: 'dibao.handle' },
  effect: async ({ tx, case: c }) => {
    const a = await loadApplication(tx, c.id);
    if (a.township_opinion?.opinion !== '拟不同意') throw new AppError('DIBAO_PUBLICITY_REQUIRED', 409, '乡镇审核意见为「拟同意」的，须先在村（社区）公示');
  },
});
