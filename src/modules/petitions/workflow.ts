import { sql } from 'kysely';
import { z } from 'zod';
import { defineWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { OPINIONS, PETITION_TYPE } from './contract.ts';

const LAW = '《信访工作条例》';
const opinionInput = z.object({
  opinion: z.enum(OPINIONS, { message: '处理意见须为支持、解释说明或不予支持' }),
  text: z.string().trim().min(1, '请填写处理意见书正文').max(10000, '处理意见书不超过 10000 字'),
});
const deliverInput = z.object({
  method: z.enum(['当面送达', '邮寄送达', '网上答复', '电话告知'], { message: '请选择送达方式' }),
  date: z.iso.date('送达日期格式应为 YYYY-MM-DD'),
});
type Opinion = z.infer<typeof opinionInput>;

/**
 * 信访事项 case flow per 《信访工作条例》(2022), see README.md for the diagram.
 * Permissions: petition.read / register / handle / approve / supervise; petition.portal is held
 * only by the in-process citizen actor (网上申请复查) and by no role.
 */
export const petitionWorkflow = defineWorkflow({
  type: PETITION_TYPE,
  label: '信访事项',
  refPrefix: 'XF',
  readPermission: 'petition.read',
  states: {
    registered: { label: '已登记(甄别中)' },
    accepted: { label: '已受理' },
    refused: { label: '不予受理', terminal: true },
    simple: { label: '简易办理中' },
    handling: { label: '办理中' },
    drafted: { label: '拟办意见待审批' },
    approved: { label: '已审批' },
    delivered: { label: '已送达' },
    closed: { label: '办结', terminal: true },
    review_requested: { label: '复查申请' },
    reviewing: { label: '复查中' },
    reviewed: { label: '复查办结' },
    recheck_requested: { label: '复核申请' },
    rechecking: { label: '复核中' },
    final: { label: '终结', terminal: true },
  },
  initial: 'registered',
  create: {
    label: '登记',
    route: '/api/petitions',
    who: { permission: 'petition.register' },
    clocks: { start: [{ name: 'triage', label: '甄别受理期限', rule: { unit: 'days', n: 15 }, legalBasis: `${LAW}第二十二条` }] },
  },
  transitions: {
    accept: {
      label: '受理(书面告知)', from: ['registered'], to: 'accepted', who: { permission: 'petition.handle' },
      input: z.object({ notice: z.string().trim().max(2000).optional() }),
      clocks: { stop: ['triage'], start: [{ name: 'handle', label: '办理期限', rule: { unit: 'days', n: 60 }, legalBasis: `${LAW}第三十四条` }] },
    },
    refuse: { label: '不予受理', from: ['registered'], to: 'refused', who: { permission: 'petition.handle' }, reasonRequired: true, clocks: { stop: ['triage'] } },
    simplify: {
      label: '简易办理', from: ['accepted'], to: 'simple', who: { permission: 'petition.handle' },
      clocks: { stop: ['handle'], start: [{ name: 'simple', label: '简易办理期限', rule: { unit: 'workdays', n: 10 }, legalBasis: '《信访事项简易办理办法(试行)》' }] },
    },
    start: { label: '开始办理', from: ['accepted'], to: 'handling', who: { permission: 'petition.handle' }, withdrawable: true },
    draft: {
      label: '拟办意见', from: ['handling', 'simple'], to: 'drafted', who: { permission: 'petition.handle' }, withdrawable: true, input: opinionInput,
      effect: async ({ tx, case: c, input }) => {
        const i = input as Opinion;
        await sql`update petitions.petition set opinion = ${i.opinion}, opinion_text = ${i.text} where case_id = ${c.id}`.execute(tx.db);
        return { data: { opinion: i.opinion } };
      },
    },
    approve: { label: '审批同意', from: ['drafted'], to: 'approved', who: { permission: 'petition.approve' } },
    deliver: {
      label: '送达', from: ['approved'], to: 'delivered', who: { permission: 'petition.handle' }, input: deliverInput,
      clocks: { stop: ['handle', 'simple'] },
      effect: async ({ tx, case: c, input }) => {
        const i = input as z.infer<typeof deliverInput>;
        await sql`update petitions.petition set delivered_at = ${tx.clock.now()} where case_id = ${c.id}`.execute(tx.db);
        return { data: { deliveryMethod: i.method, deliveredOn: i.date } };
      },
    },
    close: { label: '办结', from: ['delivered', 'reviewed'], to: 'closed', who: { permission: 'petition.handle' } },
    request_review: { label: '申请复查', from: ['delivered'], to: 'review_requested', who: { permission: 'petition.portal' }, reasonRequired: true },
    start_review: {
      label: '复查受理', from: ['review_requested'], to: 'reviewing', who: { permission: 'petition.handle', party: 'supervisor' },
      clocks: { start: [{ name: 'review', label: '复查期限', rule: { unit: 'days', n: 30 }, legalBasis: `${LAW}第三十五条` }] },
    },
    conclude_review: {
      label: '复查意见', from: ['reviewing'], to: 'reviewed', who: { permission: 'petition.handle', party: 'supervisor' }, input: opinionInput,
      clocks: { stop: ['review'] }, effect: async ({ input }) => ({ data: { reviewOpinion: (input as Opinion).opinion } }),
    },
    request_recheck: { label: '申请复核', from: ['reviewed'], to: 'recheck_requested', who: { permission: 'petition.portal' }, reasonRequired: true },
    start_recheck: {
      label: '复核受理', from: ['recheck_requested'], to: 'rechecking', who: { permission: 'petition.handle', party: 'supervisor' },
      clocks: { start: [{ name: 'recheck', label: '复核期限', rule: { unit: 'days', n: 30 }, legalBasis: `${LAW}第三十六条` }] },
    },
    conclude_recheck: {
      label: '复核意见(终结)', from: ['rechecking'], to: 'final', who: { permission: 'petition.handle', party: 'supervisor' }, input: opinionInput,
      clocks: { stop: ['recheck'] }, effect: async ({ input }) => ({ data: { recheckOpinion: (input as Opinion).opinion } }),
    },
  },
  handoff: {
    from: ['registered'], permission: 'petition.handle',
    acknowledgeWithin: { unit: 'days', n: 3 }, objectWithin: { unit: 'workdays', n: 5 }, legalBasis: `${LAW}第二十三条`,
  },
  returnable: { from: ['drafted', 'approved'], to: ['handling', 'simple'], permission: 'petition.approve' },
  clockControl: { suspendPermission: 'petition.handle', extendPermission: 'petition.approve', extendable: { handle: { unit: 'days', n: 30, times: 1 } } },
  supervision: { permission: 'petition.supervise', feedbackWithin: { unit: 'workdays', n: 5 }, legalBasis: `${LAW}第四十条` },
});
