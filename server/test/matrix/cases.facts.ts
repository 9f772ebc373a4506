// Authorization-matrix rows: the facts API (api-contract.md "Facts"). See cases.ts for how to write a row.
import type { MatrixCase } from './cases.ts';

export const factsCases: Record<string, MatrixCase> = {
  'GET /api/facts': { build: (_fx, orgId) => ({ url: `/api/facts?orgId=${orgId}&year=2026` }) },
  'GET /api/facts/:key/records': { build: (_fx, orgId) => ({ url: `/api/facts/orgs.total/records?orgId=${orgId}&year=2026` }) },
  'GET /api/facts/:key/records/export': {
    build: (_fx, orgId) => ({ url: `/api/facts/orgs.branch/records/export?orgId=${orgId}&year=2026` }),
  },
};
