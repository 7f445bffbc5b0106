import { renderRedHeadPdf } from '../documents/render-red-head-pdf.ts';
import type { ReportRun } from './generate-report.ts';
import { reportRedHead } from './report-red-head.ts';

/**
 * The generated report as a PDF 红头文件 in the GB/T 9704 layout (src/kernel/documents/render-red-head-pdf.ts),
 * like the docx; the 附件 lists every figure with its reference (指标代码, 数据编号, 口径, 来源记录数, 上年对比),
 * so each number can be traced.
 */
export async function renderReportPdf(run: ReportRun): Promise<Buffer> {
  return renderRedHeadPdf(reportRedHead(run));
}
