// Before the browser tests: find Debian's Chromium, or install it (as root, with apt) the way .ci/run
// does, or stop with one line that says what to run — never fifty failing browser tests.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

if (!existsSync(path)) {
  if (process.env.CHROMIUM_PATH === undefined && process.getuid?.() === 0 && hasApt) {
    console.log("未找到 Chromium，正在安装 Debian 的 chromium 与 fonts-noto-cjk / Chromium not found: installing Debian's chromium and fonts-noto-cjk");
    run('apt-get', ['update', '-qq']) && run('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk']);
  }
  if (!existsSync(path)) {
    console.error(
      `端到端测试需要 Chromium（${path}）：请以 root 运行 apt-get install -y chromium fonts-noto-cjk，或设置 CHROMIUM_PATH / The browser tests need Chromium at ${path}: run "apt-get install -y chromium fonts-noto-cjk" as root, or set CHROMIUM_PATH`,
    );
    process.exit(1);
  }
}
