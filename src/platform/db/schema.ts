import type { AreaTable, OrgUnitTable } from './tables/areas.ts';
import type { AppUserTable, LoginLogTable, RoleAssignmentTable, RoleTable, SessionTable } from './tables/identity.ts';
import type { AuditChainTable, AuditCheckpointTable, AuditEventTable, SecretTable } from './tables/audit.ts';
import type { CalendarDayTable, CalendarVersionTable, SeedStateTable } from './tables/calendar.ts';
import type {
  AttachmentTable,
  CaseCommentTable,
  CaseEventTable,
  CaseHandoffTable,
  CaseParticipantTable,
  CaseRefCounterTable,
  CaseSignoffTable,
  CaseSupervisionTable,
  CaseTable,
  DeadlineClockTable,
} from './tables/cases.ts';
import type { NotificationReadTable, NotificationTable } from './tables/notify.ts';

/** Row types of every table, keyed 'schema.table' (Kysely's DB type). Hand-maintained beside the migrations: the platform's tables in tables/, each module's added by its own db.ts. */
export interface DB {
  'core.area': AreaTable;
  'core.org_unit': OrgUnitTable;
  'core.app_user': AppUserTable;
  'core.role': RoleTable;
  'core.role_assignment': RoleAssignmentTable;
  'core.session': SessionTable;
  'core.login_log': LoginLogTable;
  'core.audit_chain': AuditChainTable;
  'core.audit_event': AuditEventTable;
  'core.audit_checkpoint': AuditCheckpointTable;
  'core.secret': SecretTable;
  'core.calendar_day': CalendarDayTable;
  'core.calendar_version': CalendarVersionTable;
  'core.seed_state': SeedStateTable;
  'core.case': CaseTable;
  'core.case_event': CaseEventTable;
  'core.case_participant': CaseParticipantTable;
  'core.case_ref_counter': CaseRefCounterTable;
  'core.case_handoff': CaseHandoffTable;
  'core.case_signoff': CaseSignoffTable;
  'core.deadline_clock': DeadlineClockTable;
  'core.case_comment': CaseCommentTable;
  'core.attachment': AttachmentTable;
  'core.case_supervision': CaseSupervisionTable;
  'core.notification': NotificationTable;
  'core.notification_read': NotificationReadTable;
}
