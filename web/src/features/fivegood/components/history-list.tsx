import { Timeline } from 'antd';
import { ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../../../../common/fivegood.ts';
import type { Assessment } from '../api.ts';

const ACTIONS: Record<string, string> = {
  launch: '部署',
  submit: '提交自评',
  return: '退回',
  forward: '报送审定',
  confirm: '审定',
  objection: '异议成立',
};

/** Every transition of an assessment: who, when, from → to, and why (returns stay in the history). */
export function HistoryList({ history }: { history: Assessment['history'] }) {
  const label = (s: string) => ASSESSMENT_STATUS_LABELS[s as AssessmentStatus] ?? s;
  return (
    <Timeline
      items={history.map((h) => ({
        color: h.action === 'return' ? 'orange' : 'blue',
        children: (
          <div>
            <b>{ACTIONS[h.action] ?? h.action}</b> {h.by} · {new Date(h.at).toLocaleString('zh-CN')}
            <div>
              {h.from ? `${label(h.from)} → ` : ''}
              {label(h.to)}：{h.reason}
            </div>
          </div>
        ),
      }))}
    />
  );
}
