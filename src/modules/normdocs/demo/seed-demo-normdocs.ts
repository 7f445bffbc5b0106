import type { AppContext } from '../../../platform/context.ts';

export async function seedDemoNormdocs(_ctx: AppContext) {
  return { created: 0, skipped: true };
}
