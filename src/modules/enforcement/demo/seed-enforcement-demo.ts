import type { AppContext } from '../../../platform/context.ts';
export async function seedEnforcementDemo(_ctx: AppContext) {
  return { skipped: true, officers: 0, cases: 0 };
}
