// Facts: every figure the platform shows, and the records behind it (api-contract.md "Facts").
import { named } from './named.ts';
import { z } from './zod-locale.ts';

export const FACT_UNITS = ['个', '人', '次', '项', '件', '%', '小时', '元', '万元', '人次', '学时', '天'] as const;
export type FactUnit = (typeof FACT_UNITS)[number];

const Year = z.coerce.number().int('年份须为整数').min(2000, '年份不能早于 2000 年').max(2100, '年份不能晚于 2100 年');

export const FactsQuery = z.object({
  orgId: z.string().uuid('组织编号格式不正确').optional(),
  year: Year.optional(),
});

export const FactItem = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
});

export const FactsOut = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  items: z.array(FactItem),
});
export type FactsOutT = z.infer<typeof FactsOut>;

export const FactKeyParams = z.object({ key: z.string().min(1).max(80) });

export const FactRecordsQuery = FactsQuery.extend({
  q: z.string().max(100, '搜索词不能超过 100 个字').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500, '每页最多 500 条').default(20),
});

export const FactRecord = z.object({
  id: z.string(),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  date: z.string().nullable(),
  amount: z.number().nullable(),
});
export type FactRecordT = z.infer<typeof FactRecord>;

export const FactRecordsOut = z.object({
  fact: FactItem.pick({ key: true, label: true, unit: true }).extend({ kind: z.enum(['count', 'sum', 'rate']) }),
  org: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  items: z.array(FactRecord),
  total: z.number(),
  sum: z.number().nullable(),
});
export type FactRecordsOutT = z.infer<typeof FactRecordsOut>;

named('facts', { Facts: FactsOut, FactRecords: FactRecordsOut });
