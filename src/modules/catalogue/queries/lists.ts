import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { officeInScope } from '../commands/offices.ts';
import { readableArea } from './powers.ts';

/** The offices keeping lists that the actor may read, with their row counts. */
export async function listOffices(ctx: AppContext, actor: Actor) {
  return (
    await sql<Record<string, unknown>>`select o.id, o.name, o.uscc, o.level, o.area_code as "areaCode", a.name as "areaName", o.area_path as "areaPath",
      o.org_unit_id as "orgUnitId", (select count(*)::int from catalogue.implementation m where m.office_id = o.id and m.status = 'active') as "rowCount"
    from catalogue.office o join core.area a on a.code = o.area_code where ${readableArea(actor, 'o.area_path', 'o.org_unit_id')} order by o.area_path, o.name`.execute(
      ctx.db,
    )
  ).rows;
}

/** An office's implementation list (every row with its local fields); 404 outside the actor's scope. */
export async function officeList(ctx: AppContext, actor: Actor, officeId: string) {
  const office = await officeInScope(ctx, actor, officeId, 'catalogue.read');
  const rows = await sql<Record<string, unknown>>`select m.id, m.base_code as "baseCode", m.impl_code as "implCode", m.name, m.type_code as "typeCode",
      m.legal_basis as "legalBasis", m.accept_conditions as "acceptConditions", m.materials, m.legal_days as "legalDays", m.promise_days as "promiseDays",
      m.case_kind as "caseKind", m.depth, m.visits, m.fee, m.service_window as "serviceWindow", m.in_hall as "inHall", m.status,
      m.updated_by_name as "updatedBy", m.updated_at as "updatedAt", v.number as "versionNumber"
    from catalogue.implementation m join catalogue.version v on v.id = m.version_id where m.office_id = ${officeId} order by m.base_code`.execute(ctx.db);
  return {
    office: {
      id: office.id,
      name: office.name,
      uscc: office.uscc,
      level: office.level,
      areaCode: office.area_code,
      areaPath: office.area_path,
      orgUnitId: office.org_unit_id,
    },
    rows: rows.rows,
  };
}

/** 互联网+监管 items the actor may read, with their review state. */
export async function listSupervision(ctx: AppContext, actor: Actor) {
  return (
    await sql<Record<string, unknown>>`select s.id, s.kind, s.code, s.catalogue_code as "catalogueCode", s.name, p.name as "powerName", p.code as "powerCode",
      o.name as "officeName", s.area_path as "areaPath", o.org_unit_id as "orgUnitId", s.objects, s.basis, s.check_category as "checkCategory",
      s.check_method as "checkMethod", s.frequency, s.status, s.entered_by as "enteredById", s.entered_by_name as "enteredBy", s.reviewed_by_name as "reviewedBy", s.review_note as "reviewNote"
    from catalogue.supervision_item s join catalogue.office o on o.id = s.office_id left join catalogue.power p on p.id = s.power_id
    where ${readableArea(actor, 's.area_path', 'o.org_unit_id')} order by s.kind, s.code`.execute(ctx.db)
  ).rows;
}

/** 检查行为 in the actor's scope, newest check first (at most 500), with who entered and reviewed them. */
export async function listInspections(ctx: AppContext, actor: Actor) {
  return (
    await sql<Record<string, unknown>>`select i.id, i.number, i.name, i.inspection_code as "inspectionCode", s.name as "itemName", o.name as "officeName",
      i.area_path as "areaPath", o.org_unit_id as "orgUnitId", i.object_type as "objectType", i.object_name as "objectName", i.party_name as "partyName",
      i.check_form as "checkForm", i.check_method as "checkMethod", i.check_result as "checkResult", i.measures, i.checked_at as "checkedAt", i.inspectors,
      i.status, i.entered_by as "enteredById", i.reported_by_name as "enteredBy", i.reviewed_by_name as "reviewedBy", i.review_note as "reviewNote"
    from catalogue.inspection_record i join catalogue.office o on o.id = i.office_id
      left join catalogue.supervision_item s on s.code = i.inspection_code
    where ${readableArea(actor, 'i.area_path', 'o.org_unit_id')} order by i.checked_at desc, i.number limit 500`.execute(ctx.db)
  ).rows;
}
