/**
 * Composition root for the worklist e2e: the real server plus the kernel's sample workflow
 * (`test.sample`, 测试事项), so the console can be driven through registration, 转办, 签收,
 * 受理, attachments and clock control without depending on a business module.
 * Used through E2E_SERVER_MODULE=./tests/e2e/sample-server.ts (see harness.ts).
 */
import '../helpers/sample-workflow.ts';

export { startServer } from '../../src/server/main.ts';
