import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PolicyOut, SecurityPolicyBody } from '../../../common/security-policy.ts';
import { can } from '../access/policy.ts';
import { getSecurityPolicy, updateSecurityPolicy } from './security-policy.service.ts';

/** 安全策略 (sec_admin): password, lockout, session and retention figures. */
export const securityPolicyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/security/policy', {
    config: { policy: can('security:policy') },
    schema: { summary: '查看安全策略', response: { 200: PolicyOut } },
    handler: (req) => getSecurityPolicy(req.ctx),
  });

  app.put('/api/security/policy', {
    config: { policy: can('security:policy') },
    schema: { summary: '修改安全策略', body: SecurityPolicyBody, response: { 200: PolicyOut } },
    handler: (req) => updateSecurityPolicy(req.ctx, req.body),
  });
};
