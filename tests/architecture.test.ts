import { describe, expect, it } from 'vitest';
import { checkImports, formatViolation, importsOf, readRepoSources, type Rule, type SourceFiles } from './helpers/import-rules.ts';

/** A small repository that keeps every rule, using each kind of allowed import once. */
const CLEAN: SourceFiles = {
  'src/platform/context.ts': `import { Kysely } from 'kysely';\nexport type AppContext = {};`,
  'src/kernel/audit/index.ts': `export { recordAudit } from './record-audit.ts';`,
  'src/kernel/audit/record-audit.ts': `import type { AppContext } from '../../platform/context.ts';\nimport { scope } from '../identity/scope.ts';`,
  'src/kernel/identity/scope.ts': `export const scope = 1;`,
  'src/modules/dibao/contract.ts': `export const DIBAO_TYPE = 'dibao';`,
  'src/modules/dibao/spot-check/spot-check.ts': [
    `import { sql } from 'kysely';`,
    `import type { AppContext } from '../../../platform/context.ts';`,
    `import {`,
    `  recordAudit,`,
    `} from '../../../kernel/audit/index.ts';`,
    `import { DIBAO_TYPE } from '../contract.ts';`,
    `import { PETITION_TYPE } from '../../petitions/contract.ts';`,
    `// import { internal } from '../../../kernel/audit/record-audit.ts'; — a comment is not an import`,
    `const later = () => import('../settings.ts');`,
  ].join('\n'),
  'src/modules/dibao/dibao-flow.int.test.ts': `import { build } from '../../server/app.ts';\nimport { x } from '../../kernel/audit/record-audit.ts';`,
  'src/modules/petitions/contract.ts': `export const PETITION_TYPE = 'petition';`,
  'src/server/app.ts': `import { registerDibao } from '../modules/dibao/routes.ts';\nimport { boot } from './boot.ts';\nimport { recordAudit } from '../kernel/audit/record-audit.ts';`,
  'web/staff/modules/dibao/DibaoPage.tsx': [
    `import { Table } from 'antd';`,
    `import { CaseActions } from '../cases/CaseActions.tsx';`,
    `import { WorklistTable } from '../worklist/WorklistTable.tsx';`,
    `import { http } from '../../shared/http.ts';`,
    `import { yuanText } from '../../../../src/platform/money.ts';`,
    `import type { DibaoCase } from '../../../../src/modules/dibao/contract.ts';`,
    `import { Panel } from './Panel.tsx';`,
  ].join('\n'),
  // The list of web modules names each manifest, and the shell (cases/ …) reads the list.
  'web/staff/modules/index.ts': `import { dibao } from './dibao/index.tsx';\nimport { petitions } from './petitions/index.tsx';`,
  'web/staff/modules/cases/type-panels.tsx': `import { WEB_MODULES } from '../index.ts';`,
};

/** One planted violation per rule: the file, its text and the line the checker must point at. */
const PLANTED: Array<{ rule: Rule; file: string; text: string; line: number }> = [
  {
    rule: 'kernel-imports-module',
    file: 'src/kernel/workflow/timers.ts',
    text: `import { sql } from 'kysely';\nimport { DIBAO_TYPE } from '../../modules/dibao/contract.ts';`,
    line: 2,
  },
  { rule: 'kernel-imports-module', file: 'src/platform/jobs.ts', text: `export * from '../modules/petitions/jobs.ts';`, line: 1 },
  {
    rule: 'module-imports-kernel-internals',
    file: 'src/modules/dibao/workflow.ts',
    text: `import type {\n  CaseRow,\n} from '../../kernel/workflow/case-access.ts';`,
    line: 3,
  },
  {
    rule: 'module-imports-module',
    file: 'src/modules/dibao/recheck.ts',
    text: `import { petitionSetting } from '../petitions/commands/settings.ts';`,
    line: 1,
  },
  {
    rule: 'module-imports-outside',
    file: 'src/modules/petitions/seed.ts',
    text: `\n\nconst t = await import('../../../tests/helpers/test-context.ts');`,
    line: 3,
  },
  { rule: 'imports-server', file: 'src/kernel/notify/deliver-job.ts', text: `import { buildApp } from '../../server/app.ts';`, line: 1 },
  { rule: 'imports-server', file: 'src/modules/dibao/routes.ts', text: `export { boot } from '../../server/boot.ts';`, line: 1 },
  {
    rule: 'web-module-imports-module',
    file: 'web/staff/modules/dibao/DibaoRegisterPage.tsx',
    text: `import { IdNumberInput } from '../petitions/id-number.ts';`,
    line: 1,
  },
];

describe('import rules', () => {
  it('pass a repository that keeps them', () => {
    expect(checkImports(CLEAN)).toEqual([]);
  });

  for (const p of PLANTED) {
    it(`catch a planted ${p.rule} (${p.file})`, () => {
      expect(checkImports({ ...CLEAN, [p.file]: p.text })).toEqual([expect.objectContaining({ rule: p.rule, file: p.file, line: p.line })]);
    });
  }

  it('read static, type-only, re-exported, side-effect and dynamic imports, not comments', () => {
    const text = [
      `import a from './a.ts';`,
      `import type { B } from "./b.ts";`,
      `export { c } from './c.ts';`,
      `import './d.css';`,
      `/* import e from './e.ts'; */`,
      `const f = await import('./f.ts');`,
      `const s = 'import g from "./g.ts"';`,
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { specifier: './a.ts', line: 1 },
      { specifier: './b.ts', line: 2 },
      { specifier: './c.ts', line: 3 },
      { specifier: './d.css', line: 4 },
      { specifier: './f.ts', line: 6 },
    ]);
  });

  // `node tests/helpers/import-rules.ts` lists what breaks a rule.
  it('hold in this repository', () => {
    const found = checkImports(readRepoSources(`${import.meta.dirname}/..`));
    expect(found.map(formatViolation)).toEqual([]);
  });
});
