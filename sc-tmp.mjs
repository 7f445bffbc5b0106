import { API } from 'typescript/unstable/sync';
import { SyntaxKind } from 'typescript/unstable/ast';
import { skipTrivia } from 'typescript/unstable/ast/scanner';
import { writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
const walk = (d) =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(d, e.name);
    return e.isDirectory() ? walk(f) : /\.tsx?$/.test(f) && !/\.test\.ts$/.test(f) ? [f] : [];
  });
const files = [...walk(path.resolve('src')), ...walk(path.resolve('web'))];
writeFileSync(
  '/tmp/guide-lint/tsconfig.json',
  JSON.stringify({
    compilerOptions: {
      noResolve: true,
      noLib: true,
      types: [],
      jsx: 'preserve',
      noEmit: true,
      allowImportingTsExtensions: true,
      module: 'esnext',
      target: 'esnext',
    },
    files,
  }),
);
const api = new API({ cwd: '/tmp/guide-lint' });
const p = api.updateSnapshot({ openProject: '/tmp/guide-lint/tsconfig.json' }).getProjects()[0];
const BAD = /[\u3400-\u9fff][,;:?!()]|[,;:?!()][\u3400-\u9fff]/;
const K = new Set([
  SyntaxKind.TemplateHead,
  SyntaxKind.TemplateMiddle,
  SyntaxKind.TemplateTail,
  SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.StringLiteral,
  SyntaxKind.JsxText,
]);
for (const f of files) {
  const s = p.program.getSourceFile(f);
  const text = s.text;
  const visit = (node) => {
    if (K.has(node.kind)) {
      const t = node.text;
      if (BAD.test(t)) {
        const line = text.slice(0, skipTrivia(text, node.pos)).split('\n').length;
        console.log(SyntaxKind[node.kind], path.relative(process.cwd(), f) + ':' + line, JSON.stringify(t.trim().slice(0, 100)));
      }
    }
    node.forEachChild(visit);
  };
  visit(s);
}
api.close();
