/** Public API of the areas kernel (行政区划与机构). Modules import from here only. */
export { AREA_ERRORS, AREA_LEVELS, AreaCode, AreaDto, AreaNode, ImportResult, ORG_KINDS, OrgUnitDto, type ImportError, type OrgKind } from './contract.ts';
export { childPath, levelOfCode } from './area-rules.ts';
export { getArea, listAreaTree, toAreaDto } from './area-queries.ts';
export { createArea, updateArea, type CreateAreaInput, type UpdateAreaInput } from './area-commands.ts';
export { getOrgUnit, listOrgUnits, type OrgUnitFilter } from './org-unit-queries.ts';
export { createOrgUnit, updateOrgUnit, type CreateOrgUnitInput, type UpdateOrgUnitInput } from './org-unit-commands.ts';
export { importAreas } from './import-areas.ts';
export { importOrgUnits } from './import-org-units.ts';
export { registerAreaRoutes } from './routes.ts';
