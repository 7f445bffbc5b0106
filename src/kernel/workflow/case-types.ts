import type { Actor } from '../identity/actor.ts';
import { registeredWorkflows } from './define-workflow.ts';
import { formSchema } from './decide.ts';
import { stepLabels } from './step-labels.ts';
import type { JsonSchema } from './contract.ts';

/** The case types the actor may read, with their states, their steps' names and the registration form's JSON Schema. */
export function caseTypes(actor: Actor) {
  return {
    items: registeredWorkflows()
      .filter((d) => actor.grants.some((g) => g.permissions.includes(d.readPermission)))
      .map((d) => ({
        type: d.type,
        label: d.label,
        refPrefix: d.refPrefix,
        canCreate: d.create.creatable !== false && !d.create.route && actor.grants.some((g) => g.permissions.includes(d.create.who.permission)),
        createRoute: d.create.route ?? null,
        createLabel: d.create.label,
        // Types registered elsewhere publish their fact labels in the schema's titles (what the case page reads).
        createSchema: d.create.input ? formSchema(d.create.input) : d.facts ? factSchema(d.facts) : null,
        facts: d.facts ?? null,
        states: Object.entries(d.states).map(([code, s]) => ({ code, label: s.label, terminal: !!s.terminal })),
        steps: stepLabels(d),
      })),
  };
}

/** A JSON Schema whose property titles label the case's facts. */
const factSchema = (facts: Record<string, string>): JsonSchema => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(facts).map(([k, title]) => [k, { title }])),
});
