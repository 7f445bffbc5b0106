import type { AppContext } from '../../platform/context.ts';

/** A listener of a module event: runs inside the transaction of the act that raised it. */
export type EventListener<E> = (tx: AppContext, event: E) => Promise<void>;

/**
 * A module event: something a module did that other modules may react to without importing its
 * internals. The source module declares it in its `events.ts` and exports `on` from its contract;
 * a listening module registers at import time (its index.ts). `emit` runs every listener in the
 * caller's transaction, so what they write commits or rolls back with the act, and a listener that
 * throws refuses the act.
 */
export function defineModuleEvent<E>() {
  const listeners: EventListener<E>[] = [];
  return {
    /** Register a listener; returns a function that removes it (tests). */
    on(listener: EventListener<E>): () => void {
      listeners.push(listener);
      return () => {
        const i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    async emit(tx: AppContext, event: E) {
      for (const l of listeners) await l(tx, event);
    },
  };
}
