import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';

/** 低保 households, applications, delegation, standards (staff) and the portal application. */
export async function registerDibaoRoutes(_root: FastifyInstance, _ctx: AppContext) {}
