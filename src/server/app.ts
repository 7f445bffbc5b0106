import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../platform/context.ts';
import { problemHandler, send } from '../platform/http/problem.ts';
import { registerInputGuard } from '../platform/http/input-guard.ts';
import { registerSecurityHeaders } from '../platform/http/security-headers.ts';
import { registerPublicCache } from '../platform/http/public-cache.ts';
import { registerWeb } from './web.ts';
import { registerHealthRoutes } from './health-routes.ts';
import { registerIdentity } from '../kernel/identity/http/plugin.ts';
import { registerAuditRoutes } from '../kernel/audit/routes.ts';
import { registerAreaRoutes } from '../kernel/areas/routes.ts';
import { registerCalendarRoutes } from '../kernel/calendar/routes.ts';
import { registerLawRoutes } from '../kernel/laws/routes.ts';
import { registerWorkflowRoutes } from '../kernel/workflow/routes.ts';
import { registerNotificationRoutes } from '../kernel/notify/routes.ts';
import { registerDocumentRoutes } from '../kernel/documents/routes.ts';
import { registerReportRoutes } from '../kernel/report/routes.ts';
import { registerPortalRoutes } from '../kernel/portal/routes.ts';
import { installModules, type ModuleManifest } from '../kernel/module/index.ts';
import { MODULES } from './modules.ts';

z.config(z.locales.zhCN());

export type App = FastifyInstance & { withTypeProvider(): FastifyInstance };

export type BuildAppOptions = {
  logger?: boolean | object;
  serveWeb?: boolean;
  /** Default MODULES; a test may add one. */ modules?: readonly ModuleManifest[];
};

/** Composition root: external plugins → app plugins → routes. */
export async function buildApp(ctx: AppContext, opts: BuildAppOptions = {}) {
  const modules = opts.modules ?? MODULES;
  installModules(modules);
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler((req, reply) => send(reply, 404, 'ROUTE_NOT_FOUND', `接口不存在：${req.method} ${req.url.split('?')[0]}`));

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024 + 1, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '民政法治政务平台 API (Minzheng)', version: ctx.config.version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'mz_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  registerInputGuard(app);
  registerSecurityHeaders(app);
  registerPublicCache(app);

  await registerHealthRoutes(app, ctx);
  await registerIdentity(app, ctx);
  await registerAreaRoutes(app, ctx);
  await registerAuditRoutes(app, ctx);
  await registerCalendarRoutes(app, ctx);
  await registerLawRoutes(app, ctx);
  await registerWorkflowRoutes(app, ctx);
  await registerNotificationRoutes(app, ctx);
  await registerPortalRoutes(app, ctx);
  await registerDocumentRoutes(app, ctx);
  await registerReportRoutes(app, ctx);
  for (const m of modules) for (const register of m.routes) await register(app, ctx);

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (opts.serveWeb !== false) await registerWeb(app);
  return app;
}

export type TypedApp = Awaited<ReturnType<typeof buildApp>>;
