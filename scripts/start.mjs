// `npm start`: build the web UI when it is missing or older than its sources, bundle the server
// when its sources changed, then start it (API + staff console + portal) in this process.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serverBundle } from './server-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`需要 Node.js 22.18 以上（当前 ${process.version}）；请用 npm start 启动以使用项目自带的 Node / run via npm start`);
  process.exit(1);
}

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = path.join(root, 'web/dist/index.html');
const sources = Math.max(newest(path.join(root, 'web')), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('正在构建前端 / building the web UI …');
  const r = spawnSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The server as one bundled file (scripts/server-bundle.mjs: rebuilt when any of its files changed),
// and Node's compile cache: the V8 code of what the server loads, kept under node_modules/.cache,
// so a restart does not compile it again. Node writes it when the process exits (stop on
// SIGINT/SIGTERM); a changed file's entry is redone.
const server = await serverBundle();
module.enableCompileCache(path.join(root, 'node_modules/.cache/minzheng/compile'));
const { startServer } = await import(pathToFileURL(server).href);
const { stop } = await startServer().catch((e) => {
  // Another process has this DATA_DIR open (src/platform/db/data-dir-lock.ts): its message says all.
  if (e?.code !== 'DATA_DIR_LOCKED') throw e;
  console.error(e.message);
  process.exit(1);
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () =>
    stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    ),
  );
}
