import type { TemplateBody } from './report-template.ts';

/**
 * The built-in template of a year (version 0, until 政策法规处 saves one). For 2019 it reproduces
 * the seed report's 信访 and 低保 paragraphs (宁夏回族自治区民政厅 2019 年法治政府建设情况报告,
 * “依法全面履行政府职能” and “依法有效化解社会矛盾”) with the figures as placeholders; the rest of
 * the text is the staff's, kept as written.
 */
export function defaultTemplate(year: number): TemplateBody {
  return {
    title: `宁夏回族自治区民政厅关于${year}年法治政府建设情况的报告`,
    docNo: `宁民发〔${year}〕号`,
    issuer: '宁夏回族自治区民政厅',
    recipient: '自治区人民政府',
    sections: [
      {
        heading: '一、依法全面履行政府职能',
        paragraphs: [
          '一是积极开展低保审批权限下放乡镇（街道）试点。探索将原来由县级民政局承担的最低生活保障行政审批权限下放到乡镇（街道）政府，' +
            '在隆德县试点的基础上，今年又将兴庆区、平罗县纳入试点范围。截至年末，全区已有{{dibao.delegated_counties}}个县（区）、' +
            '{{dibao.delegated_townships}}个乡镇（街道）承接低保审批权，其中今年新纳入{{dibao.delegated_counties_new}}个县（区）。' +
            '全年登记低保申请{{dibao.applications}}件，确认享受低保{{dibao.confirmed}}户，其中由乡镇（街道）确认{{dibao.confirmed_by_township}}户；' +
            '完成低保复核{{dibao.rechecks_done}}户次。通过改革将低保审批权限下放乡镇（街道），规范了权力运行，强化了权责统一，简化了审核审批程序，' +
            '优化了服务流程，缩短了审批时间，方便了困难群众，确保了对象精准和政策精准落实，真正实现了“只进一扇门”“最多跑一次”。',
        ],
      },
      {
        heading: '二、依法有效化解社会矛盾',
        paragraphs: [
          '拓宽信访渠道，推进信访业务规范化。依托全国民政和自治区网上信访信息系统平台，实行信、访、网“三位一体”受理群众诉求，' +
            '将群众来访、来信等全部信访事项纳入网上信访信息系统，信访事项受理、办理全过程公开。',
          '截止目前，民政厅登记办理各类信访件{{petitions.total}}件，接待群众来信来访{{petitions.batches}}批{{petitions.persons}}人次。' +
            '一是办理上级转办交办事项，自治区信访局通过信访信息系统转办交办{{petitions.from_xfj}}件，办理民政部信访信息系统转办信访件{{petitions.from_mca}}件；' +
            '二是依法分类处理，转送有权处理机关{{petitions.transferred}}件，交办{{petitions.assigned}}件，督办{{petitions.supervised}}件；' +
            '三是按期办结，已办结{{petitions.concluded}}件，按期办结率{{petitions.on_time_rate}}%。',
        ],
      },
    ],
  };
}
