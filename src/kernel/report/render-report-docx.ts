import { renderRedHeadDocx } from '../documents/render-red-head-docx.ts';
import type { ReportRun } from './generate-report.ts';
import { reportRedHead } from './report-red-head.ts';

/** The generated report as a docx 红头文件 in the GB/T 9704-2012 layout (src/kernel/documents/render-red-head-docx.ts). */
export async function renderReportDocx(run: ReportRun): Promise<Buffer> {
  return renderRedHeadDocx(reportRedHead(run));
}
