import { pageList } from '../../platform/facts/fact.sql.ts';
import type { FactDef } from '../../platform/facts/fact.ts';
import { orgWarnings } from './establishment.service.ts';

const LEVEL_LABELS = { error: '严重', warning: '一般', notice: '提示' } as const;

const warnings: FactDef = {
  key: 'orgs.warnings',
  label: '组织设置预警',
  unit: '件',
  kind: 'count',
  permission: 'cockpit:read',
  value: async (ctx, s) => (await orgWarnings(ctx, { orgId: s.org.id })).length,
  records: async (ctx, s, page) => {
    const list = await orgWarnings(ctx, { orgId: s.org.id });
    const records = list.map((w) => ({
      id: `${w.orgId}:${w.code}`,
      title: `【${LEVEL_LABELS[w.level]}】${w.message}`,
      orgId: w.orgId,
      orgName: w.orgName,
      date: null,
      amount: null,
    }));
    return { ...pageList(records, page), sum: null };
  },
};

/** The establishment warnings of the subtree (组织设置预警). */
export const establishmentFacts: FactDef[] = [warnings];
