import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: importing it reads ~300 modules (its zip, stream and polyfill
 * dependencies), about 0.4 s of CPU that `npm start` would otherwise spend before it listens
 * (issue 18, bench/restart.ts). Types come from `import type ExcelJS from 'exceljs'`.
 */
export async function loadExcelJS(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
