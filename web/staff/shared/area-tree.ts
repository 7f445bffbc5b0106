import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';
import type { AreaNode } from './api-types.ts';

export const AREA_TREE_KEY = ['areas', 'tree'] as const;

/** The area tree the user may see (their own area and below). */
export function useAreaTree() {
  return useQuery({ queryKey: AREA_TREE_KEY, queryFn: async () => (await api.areaTree()).roots, staleTime: 5 * 60_000 });
}

export function findArea(roots: AreaNode[] | undefined, code: string | null | undefined): AreaNode | null {
  if (!roots || !code) return null;
  for (const n of roots) {
    if (n.code === code) return n;
    const hit = findArea(n.children, code);
    if (hit) return hit;
  }
  return null;
}

/** Nodes whose name or code contains the text, with their ancestors; null when nothing matches. */
export function filterAreas(nodes: AreaNode[], text: string): AreaNode[] {
  const q = text.trim().toLowerCase();
  if (!q) return nodes;
  const out: AreaNode[] = [];
  for (const n of nodes) {
    const kids = filterAreas(n.children ?? [], q);
    const self = n.name.toLowerCase().includes(q) || n.code.includes(q) || (n.nameEn ?? '').toLowerCase().includes(q);
    if (self || kids.length) out.push({ ...n, children: self && !kids.length ? n.children : kids });
  }
  return out;
}

export function allCodes(nodes: AreaNode[], maxLevel = 5): string[] {
  return nodes.flatMap((n) => (n.level <= maxLevel ? [n.code, ...allCodes(n.children ?? [], maxLevel)] : []));
}

/** For antd TreeSelect. */
export type AreaOption = { value: string; title: string; children: AreaOption[] };
export function toTreeSelect(nodes: AreaNode[] | undefined): AreaOption[] {
  return (nodes ?? []).map((n) => ({ value: n.code, title: n.name, children: toTreeSelect(n.children) }));
}
