import type { RedHeadContent } from '../documents/red-head.ts';
import type { ReportRun } from './generate-report.ts';
import { figureReference } from './figure-reference.ts';
import { momentWords } from './report-wording.ts';

/** The report as a 红头文件: its sections under 一级标题, and a 附件 listing every figure with its reference. */
export function reportRedHead(run: ReportRun): RedHeadContent {
  const t = run.text;
  return {
    issuer: t.issuer,
    docNo: t.docNo,
    title: t.title,
    recipient: t.recipient,
    date: t.date,
    sections: t.sections.map((s) => ({ heading: s.heading, paragraphs: s.paragraphs })),
    description: `模板第 ${run.templateVersion} 版，生成于 ${momentWords(run.generatedAt)}`,
    appendix: run.figures.length
      ? {
          label: '附件',
          title: '指标来源及口径',
          paragraphs: [
            ...run.figures.map((f, i) => `${i + 1}．${figureReference(f)}`),
            `报告编号 ${run.id}，模板${run.templateVersion === 0 ? '为内置模板' : `第 ${run.templateVersion} 版`}，生成于 ${momentWords(run.generatedAt)}。`,
          ],
        }
      : null,
  };
}
