export { petitionWorkflow } from './workflow.ts';
export { registerPetitionRoutes } from './routes.ts';
export { petitionsSchema } from './migrations/2026-11-29-10-petitions.ts';
