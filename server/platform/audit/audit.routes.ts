import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditActions, AuditPage, AuditQuery, AuditVerifyOut } from '../../../common/audit.ts';
import { can } from '../access/policy.ts';
import { AUDIT_ACTION_LABELS } from './audit.labels.ts';
import { listAudit, verifyAudit } from './audit-query.service.ts';

/** 审计日志 (audit_admin only): search, the action table, and the hash-chain verifier. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/audit', {
    config: { policy: can('audit:read', { in: 'query', field: 'orgId', resource: 'org', optional: true }) },
    schema: { summary: '查询审计日志（按时间倒序）', querystring: AuditQuery, response: { 200: AuditPage } },
    handler: (req) => listAudit(req.ctx, req.query),
  });

  app.get('/api/audit/actions', {
    config: { policy: can('audit:read') },
    schema: { summary: '审计事件类型及中文名称', response: { 200: AuditActions } },
    handler: async () => Object.entries(AUDIT_ACTION_LABELS).map(([action, label]) => ({ action, label })),
  });

  app.get('/api/audit/verify', {
    config: { policy: can('audit:read') },
    schema: { summary: '校验审计日志哈希链', response: { 200: AuditVerifyOut } },
    handler: (req) => verifyAudit(req.ctx),
  });
};
