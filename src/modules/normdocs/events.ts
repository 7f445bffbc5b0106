import type { AppContext } from '../../platform/context.ts';

/**
 * What other modules may learn about a document's force: it was repealed (废止) or lapsed (失效).
 * 政策问答 (or anything that cites a document) registers a listener with `onNormdocChange` at import
 * time; listeners run inside the transaction of the move, so whatever they write commits or rolls back
 * with it, and a listener that throws refuses the move.
 */
export type NormdocChange = { caseId: string; number: string | null; title: string; kind: '废止' | '失效'; on: string; reason: string };
export type NormdocChangeListener = (tx: AppContext, change: NormdocChange) => Promise<void>;

const listeners: NormdocChangeListener[] = [];

/** Register a listener; returns a function that removes it (tests). */
export function onNormdocChange(listener: NormdocChangeListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

export async function emitNormdocChange(tx: AppContext, change: NormdocChange) {
  for (const l of listeners) await l(tx, change);
}
