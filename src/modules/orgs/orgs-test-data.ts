import { makeUscc } from './registry/make-uscc.ts';

export { makeUscc };

/** A complete 录入 body; override what a test is about. */
export function sampleOrg(over: Record<string, unknown> = {}) {
  return {
    kind: 'social_group',
    name: '兴庆区书法家协会',
    uscc: makeUscc('social_group', '640104', 1),
    supervisorUnit: '兴庆区文化旅游广电局',
    domicile: '银川市兴庆区解放东街1号',
    legalRepresentative: '马文华',
    businessScope: '书法交流、培训、展览',
    capitalCents: 3_000_000,
    registeredOn: '2015-04-20',
    ...over,
  };
}
