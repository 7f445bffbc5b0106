import type { Kysely } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { decryptPii } from '../../../platform/crypto/pii.ts';
import type { Actor } from '../../../kernel/identity/actor.ts';
import { recordPiiRead } from '../../../kernel/audit/record-audit.ts';
import { actorOrgIds } from '../../../kernel/workflow/case-access.ts';
import { getCase } from '../../../kernel/workflow/get-case.ts';
import { caseNotFound } from '../../../kernel/workflow/errors.ts';

/**
 * The case page plus the petition and its petitioners. 身份证号/phone are shown in full only to
 * handlers (members of the org holding the case, with petition.handle), and each such read is logged.
 */
export async function getPetition(ctx: AppContext, actor: Actor, id: string, opts: { masked?: boolean } = {}) {
  const c = await getCase(ctx, actor, id);
  if (c.type !== 'petition') throw caseNotFound();
  const db = ctx.db as unknown as Kysely<any>;
  const p = await db.selectFrom('petitions.petition').selectAll().where('case_id', '=', id).executeTakeFirst();
  if (!p) throw caseNotFound();
  const people = await db.selectFrom('petitions.petitioner').selectAll().where('case_id', '=', id).orderBy('created_at').execute();
  const piiAllowed = actorOrgIds(actor).includes(c.orgUnitId) && actor.grants.some((g) => g.orgUnitId === c.orgUnitId && g.permissions.includes('petition.handle'));
  // masked: the case page's facts view; the full identity is fetched (and logged) only on request.
  const handler = piiAllowed && !opts.masked;
  const petitioners = [];
  for (const x of people) {
    petitioners.push({
      id: x.id, name: x.name, role: x.role, address: x.address, idNumberMasked: x.id_number_masked, phoneMasked: x.phone_masked,
      ...(handler ? { idNumber: x.id_number_enc ? await decryptPii(ctx, x.id_number_enc) : null, phone: x.phone_enc ? await decryptPii(ctx, x.phone_enc) : null } : {}),
    });
  }
  if (handler && people.some((x) => x.id_number_enc || x.phone_enc)) {
    await recordPiiRead(ctx, actor, { entityType: 'petition', entityId: id, areaPath: p.concerned_area_path, fields: ['idNumber', 'phone'] });
  }
  return {
    ...c,
    petition: {
      channel: p.channel, sourceBody: p.source_body, sourceRef: p.source_ref, category: p.category, subject: p.subject,
      concernedAreaCode: p.concerned_area_code, content: p.content, visitBatch: p.visit_batch, visitPersons: p.visit_persons,
      representatives: p.representatives, anonymous: p.anonymous, opinion: p.opinion, opinionText: p.opinion_text,
      deliveredAt: p.delivered_at, satisfaction: p.satisfaction, ratedAt: p.rated_at, isRepeat: p.is_repeat, repeatOf: p.repeat_of, isSkipLevel: p.is_skip_level,
    },
    petitioners,
    piiShown: handler,
    piiAllowed,
  };
}
