import { z } from 'zod';
import type { Actor } from '../identity/actor.ts';
import { registeredWorkflows } from './define-workflow.ts';

/** The case types the actor may register, with their states and the registration form's JSON Schema. */
export function caseTypes(actor: Actor) {
  return {
    items: registeredWorkflows()
      .filter((d) => actor.grants.some((g) => g.permissions.includes(d.readPermission)))
      .map((d) => ({
        type: d.type, label: d.label, refPrefix: d.refPrefix,
        canCreate: !d.create.route && actor.grants.some((g) => g.permissions.includes(d.create.who.permission)),
        createRoute: d.create.route ?? null,
        createLabel: d.create.label,
        createSchema: d.create.input ? z.toJSONSchema(d.create.input, { unrepresentable: 'any' }) : null,
        states: Object.entries(d.states).map(([code, s]) => ({ code, label: s.label, terminal: !!s.terminal })),
      })),
  };
}
