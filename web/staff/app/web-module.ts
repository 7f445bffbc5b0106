import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { CaseTypePanelProps } from '../modules/cases/type-panels.tsx';
import type { CaseDetail } from '../shared/api-types.ts';

/** A module's page in the 业务办理 menu; labels are the module's own message keys. */
export type ModuleNavEntry<K extends string> = { path: string; label: K; icon: ReactNode; permission: string | null; desc?: K };

/**
 * A console route (path with a leading slash). Without `permission` the page needs what its menu
 * entry names; a detail page with no menu entry names its permission here.
 */
export type ModuleRoute = { path: string; page: ComponentType; permission?: string };

/** What the case page does differently for one case type. */
export type CaseTypeWeb = {
  /** Shown above the deadlines, loaded in its own chunk. */
  panel?: LazyExoticComponent<ComponentType<CaseTypePanelProps>>;
  /** The law's own words for the hand-offs (信访: 转送, not 转办); Chinese only. */
  handoffTerms?: { transfer?: string; assign?: string };
  /**
   * English for the server's Chinese labels of this case type, loaded with the console's English (its own chunk, off
   * the first load); a missing one shows in Chinese.
   */
  english?: () => Promise<CaseLabelsEn>;
  /** The starting values of a move's form (e.g. an edit form filled with the record as it is); undefined: empty. */
  prefill?: (c: CaseDetail, transition: string) => Record<string, unknown> | undefined;
  /** The menu page listing this type's cases, where the trail and menu put a case opened directly; default the module's first page. */
  list?: string;
};

/**
 * English for what the server names in Chinese (ARCHITECTURE.md, decisions): the type, states by
 * code, steps by name (transitions, actions and 'create'), clocks by name ('publicity-2' → 'publicity',
 * with {n} for the round).
 */
export type CaseLabelsEn = { type?: string; states?: Record<string, string>; transitions?: Record<string, string>; clocks?: Record<string, string> };

/** Readable audit codes: [Chinese, English]. Unknown codes are shown raw, never hidden. */
export type AuditLabels = { actions?: Record<string, [zh: string, en: string]>; entities?: Record<string, [zh: string, en: string]> };

/**
 * The web half of a business module: everything the console shell needs from it. A new module
 * exports one of these from `modules/<name>/index.tsx` and adds it to `WEB_MODULES`.
 */
export type WebModule<Z extends Record<string, string>> = {
  key: string;
  label: NoInfer<keyof Z & string>;
  icon: ReactNode;
  nav: ModuleNavEntry<NoInfer<keyof Z & string>>[];
  /**
   * The home page's 常用功能: the module's everyday acts, each shown to holders of the permission
   * that makes the act theirs (登记 for a clerk's register permission, 待确认 for a leader's
   * approving one), not of a read permission everyone has. The path may carry a list filter.
   */
  quick?: (ModuleNavEntry<NoInfer<keyof Z & string>> & { permission: string })[];
  routes: ModuleRoute[];
  /** Keyed by case type (the server's `cases.type`). */
  caseTypes?: Record<string, CaseTypeWeb>;
  /**
   * The module's messages; every key must have an English text too. The shell holds only the
   * menu's words (`nav`); the other Chinese ones load before any page but the home page
   * (i18n.tsx, loadModuleMessages), the English ones when the console is in English: their own
   * chunks, off the first load.
   */
  messages: {
    nav: NoInfer<Partial<Z>>;
    zh: () => Promise<NoInfer<Partial<Z>>>;
    en: () => Promise<NoInfer<Record<keyof Z, string>>>;
  };
  audit?: AuditLabels;
};

/** Type-checks a module's web half (its message keys become MessageKeys). */
export function defineWebModule<Z extends Record<string, string>>(m: WebModule<Z>): WebModule<Z> {
  return m;
}
