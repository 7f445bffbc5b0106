/** Public API of the portal kernel (公众门户防刷: proof-of-work challenges). Modules import from here only. */
export {
  POW_ERRORS,
  POW_TTL_MS,
  checkSolution,
  issueChallenge,
  leadingZeroBits,
  powDigest,
  solveChallenge,
  spendSolution,
  type PowChallenge,
  type PowSolution,
} from './proof-of-work.ts';
export { registerPortalRoutes } from './routes.ts';
