#!/usr/bin/env node
// Minzheng CLI entry. The project runs on Node >= 22.12 (pinned `node` devDependency); when
// started by an older system Node, re-run under the project's own Node binary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
const cli = fileURLToPath(new URL('../src/server/cli.ts', import.meta.url));
if (major < 22 || (major === 22 && minor < 18)) {
  const local = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  if (!existsSync(local)) {
    console.error('minzheng 需要 Node.js 22.18 以上，请先运行 npm ci / needs Node.js >= 22.18: run npm ci first');
    process.exit(2);
  }
  const r = spawnSync(local, ['--disable-warning=ExperimentalWarning', cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
const { runCli } = await import(cli);
process.exitCode = await runCli(process.argv.slice(2));
