import { Alert, Descriptions, Progress, Space } from 'antd';
import type { GradeResult } from '../api.ts';
import { GradeTag } from './grade-tag.tsx';

/** The computed grade and why: each dimension's score against its pass line, vetoes and the bonus cap. */
export function GradeCard({ result, top }: { result: GradeResult; top: number }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="计算等次">
          <GradeTag grade={result.grade} label={result.label} top={top} />
        </Descriptions.Item>
        <Descriptions.Item label="达标维度">
          {result.goodCount}/{result.dimensions.length}
        </Descriptions.Item>
        <Descriptions.Item label="总分（含加分）">
          {result.baseTotal} + {result.bonus} = {result.total}
        </Descriptions.Item>
      </Descriptions>
      {result.dimensions.map((d) => (
        <div key={d.key}>
          {d.name}（{d.score}/{d.points}分，达标线{Math.round(d.points * d.passRatio * 10) / 10}分）
          <Progress percent={Math.round((d.score / (d.points || 1)) * 100)} status={d.good ? 'success' : 'exception'} size="small" />
        </div>
      ))}
      {result.vetoes.length > 0 && <Alert type="error" showIcon message={`否决项：${result.vetoes.map((v) => v.text).join('；')}`} />}
      <Alert
        type="info"
        message="等次依据"
        description={
          <ul style={{ margin: 0 }}>
            {result.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        }
      />
    </Space>
  );
}
