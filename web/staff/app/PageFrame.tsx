import { lazy } from 'react';
import { loadModuleMessages } from '../i18n/i18n.tsx';

/**
 * What a page needs beyond the shell, fetched at once after the home page has painted: antd's App
 * (PageApp.tsx) and every module's messages (i18n.tsx). Every page but the home page, and the
 * workbench card, render inside it.
 */
export const PageFrame = lazy(() => Promise.all([import('./PageApp.tsx'), loadModuleMessages()]).then(([m]) => ({ default: m.PageApp })));
