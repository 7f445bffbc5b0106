import { App } from 'antd';
import type { ReactNode } from 'react';

/**
 * antd's App (the message, modal and notification hooks, ~19 KB gzip) around every page but the
 * home page and around the workbench: the shell uses none of them, so it paints without (PageFrame.tsx).
 */
export function PageApp({ children }: { children: ReactNode }) {
  return <App>{children}</App>;
}
