import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** 低保 payment rosters, benefit changes, imports and statistics (staff). */
export async function registerDibaoMoneyRoutes(_root: FastifyInstance, _ctx: AppContext) {}
