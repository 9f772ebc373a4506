import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { auditAlone } from '../audit/audit.service.ts';
import { AppError, statusOf } from '../errors.ts';

type Issue = { instancePath?: string; message?: string };

const LOCATION: Record<string, string> = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' };

function describe(issues: Issue[], context?: string) {
  const where = context ? (LOCATION[context] ?? context) : '请求';
  return issues
    .slice(0, 10)
    .map(
      (i) => `${where}${i.instancePath && i.instancePath !== '/' ? ` ${i.instancePath.slice(1).replaceAll('/', '.')}` : ''}：${i.message}`,
    )
    .join('；');
}

/** One handler maps every error to `{code, message}` with the right status; 5xx bodies never carry details. */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler(async (err: FastifyError & { details?: Record<string, unknown> }, req, reply) => {
    if (err instanceof AppError) {
      // every denied authorization of a signed-in user is audited once (out-of-scope objects answer 404)
      if ((err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND') && !err.audited && req.ctx?.actor) {
        err.audited = true;
        await auditAlone(req.ctx, {
          action: 'access.denied',
          result: 'denied',
          detail: { method: req.method, url: req.routeOptions.url ?? req.url.split('?')[0], code: err.code },
        }).catch((e) => req.log.error({ err: e }, 'audit of a denial failed'));
      }
      const status = statusOf(err.code);
      if (err.code === 'RATE_LIMITED' && err.details?.retryAfter) reply.header('Retry-After', String(err.details.retryAfter));
      const { retryAfter: _r, ...details } = err.details ?? {};
      return reply.code(status).send({ code: err.code, message: err.message, ...details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = (err.validation as Issue[]).map((i) => ({
        field: i.instancePath?.slice(1).replaceAll('/', '.') ?? '',
        message: i.message,
      }));
      return reply.code(400).send({ code: 'VALIDATION', message: describe(err.validation as Issue[], err.validationContext), fields });
    }
    const status = err.statusCode ?? 500;
    if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send({ code: 'PAYLOAD_TOO_LARGE', message: '上传内容超过大小限制' });
    if (status === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的内容类型' });
    if (status === 429) return reply.code(429).send({ code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    if (status >= 400 && status < 500) return reply.code(status).send({ code: 'BAD_REQUEST', message: '请求格式不正确，请检查后重试' });
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后再试；如持续出现请联系系统管理员' });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` });
  });
});
