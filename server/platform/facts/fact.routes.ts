import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Permission } from '../../../common/access.ts';
import { XlsxFile } from '../../../common/errors.ts';
import { FactKeyParams, FactRecordsOut, FactRecordsQuery, FactsOut, FactsQuery } from '../../../common/facts.ts';
import { can } from '../access/policy.ts';
import { sendXlsx } from '../export/export.reply.ts';
import { createFactRegistry } from './fact.registry.ts';
import { factRecords, listFacts } from './fact.service.ts';
import type { FactDef } from './fact.ts';

/**
 * Who reaches the facts API at all: readers of the org tree (every board's reader holds it; the home dashboard's org
 * figures need no more). Each fact then needs its own permission (the board it is on), and its org must lie in that
 * permission's scope.
 */
const FACTS_PERMISSION: Permission = 'org:read';
const policy = can(FACTS_PERMISSION, { in: 'query', field: 'orgId', resource: 'org', optional: true });
/** the most rows one Excel export writes */
const EXPORT_MAX = 50_000;

/** The facts API (api-contract.md "Facts"): every figure, and the records behind each, over the given facts. */
export const factRoutes =
  (facts: readonly FactDef[]): FastifyPluginAsyncZod =>
  async (app) => {
    const reg = createFactRegistry(facts);

    app.get('/api/facts', {
      config: { policy },
      schema: {
        summary: '统计指标：某组织（默认本人管理范围的最上级组织）及其下级在某年度的全部可见指标',
        querystring: FactsQuery,
        response: { 200: FactsOut },
      },
      handler: (req) => listFacts(req.ctx, reg, req.query),
    });

    app.get('/api/facts/:key/records', {
      config: { policy },
      schema: {
        summary: '统计指标的明细记录（分页，可搜索）：计数指标的总条数、合计指标的数值之和等于指标值',
        params: FactKeyParams,
        querystring: FactRecordsQuery,
        response: { 200: FactRecordsOut },
      },
      handler: (req) => factRecords(req.ctx, reg, req.params.key, { ...req.query }),
    });

    app.get('/api/facts/:key/records/export', {
      config: { policy },
      schema: {
        summary: '导出统计指标的明细记录（Excel）',
        params: FactKeyParams,
        querystring: FactRecordsQuery.omit({ page: true, pageSize: true }),
        response: { 200: XlsxFile },
      },
      handler: async (req, reply) => {
        const r = await factRecords(req.ctx, reg, req.params.key, { ...req.query, page: 1, pageSize: EXPORT_MAX });
        const withAmount = r.fact.kind !== 'count' || r.items.some((x) => x.amount !== null);
        const name = `${r.fact.label}-${r.org.name}-${r.year}年`;
        return sendXlsx(
          reply,
          req.ctx,
          `${name}.xlsx`,
          {
            sheetName: '明细',
            title: `${r.fact.label}（${r.org.name}，${r.year}年，共 ${r.total} 条）`,
            columns: [
              { header: '序号', key: 'n', width: 8 },
              { header: '名称', key: 'title', width: 48 },
              { header: '所属组织', key: 'orgName', width: 32 },
              { header: '日期', key: 'date', width: 14 },
              ...(withAmount ? [{ header: `数值（${r.fact.unit}）`, key: 'amount', width: 14 }] : []),
            ],
            rows: r.items.map((x, i) => ({ ...x, n: i + 1 })),
          },
          { kind: 'facts', orgId: r.org.id, detail: { key: r.fact.key, year: r.year, q: req.query.q ?? null } },
        );
      },
    });
  };
