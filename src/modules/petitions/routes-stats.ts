import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** 信访 statistics and xlsx exports (staff, scoped). */
export async function registerPetitionStatsRoutes(_root: FastifyInstance, _ctx: AppContext) {}
