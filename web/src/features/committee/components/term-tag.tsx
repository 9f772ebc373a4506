import { Tag } from 'antd';
import type { Committee } from '../api.ts';

/** 任期状态: 任期内 / N 个月内届满 / 逾期 N 天 / 已换届. */
export function TermTag({ c }: { c: Committee }) {
  if (c.termState === 'overdue') return <Tag color="red">逾期 {c.daysOverdue} 天未换届</Tag>;
  if (c.termState === 'due') return <Tag color={c.monthsBefore === 1 ? 'volcano' : 'orange'}>{c.monthsBefore} 个月内届满</Tag>;
  if (c.termState === 'ended') return <Tag>已换届</Tag>;
  return <Tag color="green">任期内</Tag>;
}
