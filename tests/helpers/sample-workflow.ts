import { z } from 'zod';
import { action, creation, defineWorkflow, transition } from '../../src/kernel/workflow/index.ts';

/**
 * A small workflow used only by the kernel's tests: registered → accepted (15 日 to accept,
 * 60 日 to handle, extendable by 30 日 once) → drafted → approved/returned → closed.
 * Petition-shaped on purpose, but with its own type so module changes do not move these tests.
 */
export const SAMPLE_TYPE = 'test.sample';

export const sampleWorkflow = defineWorkflow({
  type: SAMPLE_TYPE,
  label: '测试事项',
  refPrefix: 'TS',
  readPermission: 'area.read',
  states: {
    registered: { label: '已登记' },
    accepted: { label: '办理中' },
    drafted: { label: '待审批' },
    approved: { label: '已审批' },
    closed: { label: '已办结', terminal: true },
    refused: { label: '不予受理', terminal: true },
  },
  initial: 'registered',
  create: creation({
    label: '登记',
    who: { permission: 'org.read' },
    input: z.object({ summary: z.string().min(1, '请填写摘要') }),
    clocks: { start: [{ name: 'triage', label: '受理期限', rule: { unit: 'days', n: 15 }, legalBasis: '《信访工作条例》第二十二条' }] },
    effect: async ({ input }) => ({ data: { summary: input.summary } }),
  }),
  transitions: {
    accept: transition({
      label: '受理',
      from: ['registered'],
      to: 'accepted',
      who: { permission: 'org.read' },
      input: z.object({ receivedOn: z.iso.date().optional().meta({ title: '收信日期(留空为今天)' }) }),
      clocks: {
        stop: ['triage'],
        startOn: (input) => input.receivedOn,
        start: [
          {
            name: 'handle',
            label: '办理期限',
            rule: { unit: 'days', n: 60 },
            legalBasis: '《信访工作条例》第三十四条',
            suspendable: { kinds: ['correction', 'appraisal', 'hearing', 'third_party', 'other'] },
          },
        ],
      },
    }),
    correct: { label: '补正后重新计算', from: ['accepted'], to: 'accepted', who: { permission: 'org.read' }, clocks: { restart: ['handle'] } },
    refuse: { label: '不予受理', from: ['registered'], to: 'refused', who: { permission: 'org.read' }, reasonRequired: true, clocks: { stop: ['triage'] } },
    draft: transition({
      label: '拟办意见',
      // The normal step at 办理中 (补正后重新计算, defined before it, is the exception).
      primary: true,
      from: ['accepted'],
      to: 'drafted',
      who: { permission: 'org.read' },
      withdrawable: true,
      input: z.object({ opinion: z.enum(['支持', '解释说明', '不予支持'], { message: '处理意见须为支持、解释说明或不予支持' }) }),
      effect: async ({ input }) => ({ data: { opinion: input.opinion } }),
    }),
    approve: {
      label: '审批同意',
      primary: true,
      nextLabel: '审批',
      from: ['drafted'],
      to: 'approved',
      who: { permission: 'audit.read' },
      effect: async ({ case: c }) => ({ data: { approvedFrom: c.state } }),
      // 公示: 5 days for a 支持 opinion, 7 otherwise; when it runs out the system closes the case.
      clocks: {
        start: [
          {
            name: 'publicity',
            label: (r) => `公示期(${r.n} 日)`,
            rule: async (_tx, c) => ({ unit: 'days', n: c.data.opinion === '支持' ? 5 : 7 }),
            legalBasis: '测试',
            onDue: 'close',
            kind: 'period',
          },
        ],
      },
    },
    close: { label: '办结', from: ['approved'], to: 'closed', who: { permission: 'org.read' }, clocks: { stop: ['handle', 'publicity'] } },
  },
  actions: {
    // 回访: recorded on any open or closed case by its holder; no state change.
    call_back: action({
      label: '电话回访',
      who: { permission: 'org.read' },
      from: ['approved', 'closed'],
      input: z.object({ note: z.string().min(1, '请填写回访情况') }),
      effect: async ({ input }) => ({ noted: input.note.length }),
    }),
  },
  handoff: {
    from: ['registered', 'accepted'],
    permission: 'org.read',
    acknowledgeWithin: { unit: 'workdays', n: 3 },
    objectWithin: { unit: 'workdays', n: 5 },
    legalBasis: '《信访工作条例》第二十三条',
  },
  returnable: { from: ['drafted', 'approved'], to: ['accepted'], permission: 'org.read' },
  coHandling: { from: ['accepted'], permission: 'org.read', partType: 'test.swept' },
  clockControl: { suspendPermission: 'org.read', extendPermission: 'audit.read', extendable: { handle: { unit: 'days', n: 30, times: 1 } } },
  supervision: { permission: 'org.read', feedbackWithin: { unit: 'workdays', n: 5 }, legalBasis: '《信访工作条例》第四十条' },
  signoffs: { review: { permission: 'org.read', onApprove: 'approve', onReject: 'refuse' } },
});

/** A type only the system creates (as a sweep would), with labelled facts. */
export const SWEPT_TYPE = 'test.swept';
export const sweptWorkflow = defineWorkflow({
  type: SWEPT_TYPE,
  label: '测试自动任务',
  refPrefix: 'TSW',
  readPermission: 'area.read',
  states: { open: { label: '待办' }, done: { label: '已办', terminal: true } },
  initial: 'open',
  create: {
    label: '生成',
    creatable: false,
    who: { permission: 'org.read' },
    clocks: { start: [{ name: 'part', label: '办理期限', rule: { unit: 'workdays', n: 10 }, legalBasis: '测试' }] },
  },
  facts: { result: '结果' },
  transitions: { finish: { label: '完成', from: ['open'], to: 'done', who: { permission: 'org.read' }, clocks: { stop: ['part'] } } },
});
