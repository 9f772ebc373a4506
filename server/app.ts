import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { HealthOut } from '../common/platform.ts';
import type { Db } from './db/client.ts';
import { facts, modules } from './modules/index.ts';
import { resourceResolvers } from './modules/scope.ts';
import { guard } from './platform/access/guard.ts';
import { anyUser, publicRoute } from './platform/access/policy.ts';
import { authRoutes } from './platform/auth/auth.routes.ts';
import { createIpThrottle } from './platform/auth/ip-throttle.ts';
import type { AppEnv } from './platform/context.ts';
import { factRoutes } from './platform/facts/fact.routes.ts';
import { errorsPlugin } from './platform/http/error-handler.ts';
import { headersPlugin } from './platform/http/headers.ts';
import { inputPlugin } from './platform/http/input.ts';
import { openapiPlugin } from './platform/http/openapi.ts';
import { platformRoutes } from './platform/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    env: AppEnv;
  }
}

export type BuildOptions = { db: Db; env: AppEnv; webDist?: string | null; logger?: boolean };

/** Registers platform plugins, then every module; never listens (main.ts and tests decide). */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts.env;
  const app = Fastify({
    logger: opts.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', opts.db);
  app.decorate('env', opts.env);

  await app.register(errorsPlugin);
  await app.register(headersPlugin);
  await app.register(inputPlugin);
  await app.register(cookie);
  await app.register(openapiPlugin, { version: config.version, https: config.https });
  await app.register(guard, { db: opts.db, env: opts.env, resolvers: resourceResolvers });

  app.get('/api/health', {
    config: { policy: publicRoute() },
    schema: {
      response: {
        200: HealthOut,
      },
    },
    handler: async () => ({
      status: 'ok' as const,
      db: opts.env.dbKind,
      version: config.version,
      ...(config.production && opts.env.dbKind === 'pglite' ? { embeddedInProduction: true } : {}),
    }),
  });
  app.get('/api/openapi.json', {
    config: { policy: config.production ? anyUser() : publicRoute() },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  await app.register(authRoutes(createIpThrottle()));
  for (const p of platformRoutes) await app.register(p);
  for (const m of modules) for (const r of m.routes) await app.register(r);
  await app.register(factRoutes(facts));

  // LIANGQI_WEB_DIST: a build elsewhere (the browser suite builds into a temp dir of its own)
  const webDist = opts.webDist === undefined ? path.resolve(process.env.LIANGQI_WEB_DIST ?? 'web/dist') : opts.webDist;
  if (webDist && existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
    // the single-page apps answer every other GET: /m and /m/... the member H5 entry, the rest the admin app
    // (API paths and missing files, such as a stale chunk after a deploy, stay 404)
    const spa = (file: string) => (req: FastifyRequest, reply: FastifyReply) =>
      req.url.startsWith('/api') || /\.[a-z0-9]+$/i.test(req.url.split('?')[0])
        ? reply.callNotFound()
        : reply.type('text/html').sendFile(file);
    const hidden = { schema: { hide: true } };
    app.get('/m', hidden, spa('m/index.html'));
    app.get('/m/*', hidden, spa('m/index.html'));
    app.get('/*', hidden, spa('index.html'));
  }
  return app;
}
