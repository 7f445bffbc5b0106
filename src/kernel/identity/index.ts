/** Public API of the identity kernel (身份与权限). Other modules import from here or the named files. */
export { SYSTEM_ACTOR, hasPermission, requirePermission, type Actor, type Grant } from './actor.ts';
export { grantCovers, grantsFor, inScope, missingForGrant, pathWithin, recordInScope, type ScopeColumns, type ScopeTarget } from './scope.ts';
export { actorOf } from './http/request-actor.ts';
export { registerIdentity } from './http/plugin.ts';
export { requireAdmin, requireAdminTotp } from './admin-totp.ts';
export { IDENTITY_ERRORS, identityError, type IdentityErrorCode } from './contract.ts';
export {
  BUILTIN_ROLE_CODES,
  SCOPE_LABELS,
  addModulePermissions,
  allPermissions,
  builtinRoles,
  permissionCatalogue,
  type BuiltInRoleCode,
  type PermissionDef,
  type RoleFragments,
} from './permissions.ts';
export { seedRoles } from './seed-roles.ts';
export { seedDemoUsers, DEMO_PASSWORD, DEMO_USERS } from './seed-demo-users.ts';
export { demoActor, demoUnit, demoUnits, demoUserId, type DemoUnit } from './demo-actor.ts';
export { createUserAsSystem } from './commands/create-user.ts';
// Also used by modules (demo seeds, who-made-this references).
export { userRef } from './actor.ts';
export { loadGrants } from './repository.ts';
export { memoForActor } from './actor-memo.ts';
export { areaNames, orgUnitNames } from './names-cache.ts';
