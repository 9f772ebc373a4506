import { Tag } from 'antd';

export const RESULT_LABELS = { success: '成功', failure: '失败', denied: '拒绝' } as const;
const COLORS = { success: 'green', failure: 'orange', denied: 'red' } as const;

/** 成功 / 失败 / 拒绝 of an audit record. */
export function ResultTag({ result }: { result: keyof typeof RESULT_LABELS }) {
  return <Tag color={COLORS[result]}>{RESULT_LABELS[result]}</Tag>;
}
