import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/audit.routes.ts';
import { filesRoutes } from './files/files.routes.ts';
import { notifyRoutes } from './notify/notify.routes.ts';
import { securityPolicyRoutes } from './settings/security-policy.routes.ts';

/** Routes of the platform services (accounts, security policy, audit, files, notifications), registered after auth. */
export const platformRoutes: FastifyPluginAsync[] = [notifyRoutes, auditRoutes, securityPolicyRoutes, filesRoutes];
