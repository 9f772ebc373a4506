import { Alert, App, Button, Card, Col, Input, Row, Select, Skeleton, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useCan } from '../../../lib/access.ts';
import { useAssessment, useFivegoodMutations, useProposals } from '../api.ts';
import { GradeCard } from '../components/grade-card.tsx';
import { HistoryList } from '../components/history-list.tsx';
import { type Adjust, type Draft, IndicatorTable } from '../components/indicator-table.tsx';
import { ReviewPanel } from '../components/review-panel.tsx';
import { SasacPanel } from '../components/sasac-panel.tsx';

/** One branch's "五个好" assessment: self-assessment with evidence, enterprise review and SASAC review, by role and step. */
export default function AssessmentPage() {
  const { id } = useParams();
  const can = useCan();
  const { message } = App.useApp();
  const { data: a } = useAssessment(id);
  const editable = !!a && can('fivegood:assess') && (a.status === 'draft' || a.status === 'returned') && a.campaign.status === 'open';
  const reviewing = !!a && can('fivegood:review') && a.status === 'submitted';
  const { data: proposals = [] } = useProposals(id, !!a && a.status !== 'ineligible');
  const mut = useFivegoodMutations();
  const [draft, setDraft] = useState<Draft>({});
  const [report, setReport] = useState('');
  const [bonus, setBonus] = useState<{ key: string; level: string }[]>([]);
  const [adjust, setAdjust] = useState<Adjust>({});
  useEffect(() => {
    if (!a) return;
    const d: Draft = {};
    for (const dim of a.rubric.dimensions)
      for (const i of dim.indicators)
        d[i.key] = { score: a.scores[i.key]?.self ?? null, note: a.scores[i.key]?.note ?? '', evidence: a.scores[i.key]?.evidence ?? [] };
    setDraft(d);
    setReport(a.report);
    setBonus(a.bonus);
    setAdjust(
      Object.fromEntries(
        Object.entries(a.scores)
          .filter(([, s]) => s.enterprise != null)
          .map(([k, s]) => [k, { score: s.enterprise, reason: s.reason }]),
      ),
    );
  }, [a]);
  if (!a) return <Skeleton active />;
  const save = () =>
    mut.saveSelf.mutateAsync({
      id: a.id,
      body: {
        report,
        bonus,
        scores: Object.entries(draft)
          .filter(([, s]) => s.score != null)
          .map(([key, s]) => ({ key, score: s.score as number, note: s.note, evidence: s.evidence })),
      },
    });
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        title={`${a.orgName} · ${a.campaign.name}`}
        extra={
          <Space>
            <Tag color={a.status === 'returned' ? 'orange' : 'blue'}>{a.statusLabel}</Tag>
            <span>评分细则第{a.rubricVersion}版</span>
            {a.deadline && <Tag color={a.overdue ? 'red' : 'default'}>截止 {a.deadline}</Tag>}
          </Space>
        }
      >
        {a.status === 'ineligible' && <Alert type="warning" showIcon message={a.ineligibleReason} />}
        {a.status === 'returned' && (
          <Alert
            type="warning"
            showIcon
            message={`退回理由：${a.history.filter((h) => h.action === 'return').at(-1)?.reason ?? ''}`}
            style={{ marginBottom: 12 }}
          />
        )}
        <IndicatorTable
          rubric={a.rubric}
          scores={a.scores}
          proposals={proposals}
          owner={{ id: a.id, orgId: a.orgId }}
          draft={editable ? draft : undefined}
          onDraft={setDraft}
          adjust={reviewing ? adjust : undefined}
          onAdjust={setAdjust}
        />
        <div style={{ marginTop: 16 }}>
          <b>自评报告</b>
          {editable ? (
            <Input.TextArea aria-label="自评报告" rows={4} value={report} onChange={(e) => setReport(e.target.value)} />
          ) : (
            <p style={{ whiteSpace: 'pre-wrap' }}>{a.report || '（未填写）'}</p>
          )}
        </div>
        {a.rubric.bonus.items.length > 0 && (
          <div style={{ marginTop: 12 }}>
            <b>加分项（最高{a.rubric.bonus.maxTotal}分，只计入总分）</b>
            {a.rubric.bonus.items.map((item) => (
              <div key={item.key}>
                {item.text}：
                <Select
                  aria-label={`加分 ${item.key}`}
                  allowClear
                  disabled={!editable}
                  style={{ width: 200 }}
                  placeholder="无"
                  value={bonus.find((b) => b.key === item.key)?.level}
                  options={item.levels.map((l) => ({ value: l.key, label: `${l.label}（+${l.points}）` }))}
                  onChange={(level) => setBonus([...bonus.filter((b) => b.key !== item.key), ...(level ? [{ key: item.key, level }] : [])])}
                />
              </div>
            ))}
          </div>
        )}
        {editable && (
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => act(save, '自评已保存')}>保存自评</Button>
            <Button
              type="primary"
              onClick={() =>
                act(async () => {
                  await save();
                  await mut.submit.mutateAsync(a.id);
                }, '已提交企业党委考评')
              }
            >
              书记提交
            </Button>
          </Space>
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="等次计算">
            <GradeCard result={a.result} top={a.rubric.labels.length - 1} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {reviewing && (
            <Card title="企业党委考评" style={{ marginBottom: 16 }}>
              <ReviewPanel a={a} adjust={adjust} />
            </Card>
          )}
          {can('fivegood:manage') && (
            <Card title="国资委审定与公示" style={{ marginBottom: 16 }}>
              <SasacPanel a={a} />
            </Card>
          )}
          <Card title="流转记录">
            <HistoryList history={a.history} />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
