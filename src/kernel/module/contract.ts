/**
 * The browser-safe part of the module kernel: a module's event definitions live in its contract,
 * which the console imports, so they come from here and not from index.ts (which reaches the
 * module installer and the database).
 */
export { defineModuleEvent, type EventListener } from './events.ts';
