import { Breadcrumb, Button, Card, Col, Row, Space, Statistic, Table, Tag } from 'antd';
import type { EChartsOption } from 'echarts';
import { Link, useSearchParams } from 'react-router';
import { EChart } from '../../../components/echart.tsx';
import { factHref } from '../../../lib/fact-href.ts';
import { factValue, useFacts } from '../../../lib/facts-api.ts';
import { useDownload } from '../../../lib/use-download.ts';
import { type Board, useBoard } from '../api.ts';
import { CampaignSelect } from '../components/campaign-select.tsx';
import { GradeTag } from '../components/grade-tag.tsx';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** 进度看板: where every enterprise and branch stands, grade distribution, 五个好 share, promotion rate, overdue steps. */
export default function BoardPage() {
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaignId') ?? undefined;
  const orgId = params.get('orgId') ?? undefined;
  const { data } = useBoard(campaignId, orgId);
  const dl = useDownload();
  const go = (next: { campaignId?: string; orgId?: string }) =>
    setParams(Object.fromEntries(Object.entries({ campaignId, orgId, ...next }).filter(([, v]) => v)) as Record<string, string>);
  // a child org's figures are the same facts at that org (its subtree) in the campaign's year
  const childLink = (key: string, childId: string, v: number) =>
    data ? <Link to={factHref(key, { orgId: childId, year: data.campaign.year })}>{v}</Link> : v;
  const pie: EChartsOption | null = data
    ? {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0 },
        series: [
          {
            type: 'pie',
            radius: ['35%', '65%'],
            label: { formatter: '{b}\n{c}' },
            data: data.totals.byGrade.filter((g) => g.count > 0).map((g) => ({ name: `${g.grade}个好（${g.label}）`, value: g.count })),
          },
        ],
      }
    : null;
  const bars: EChartsOption | null = data?.children.length
    ? {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        xAxis: {
          type: 'category',
          data: data.children.map((c) => c.name),
          axisLabel: { interval: 0, rotate: data.children.length > 4 ? 30 : 0 },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: (['draft', 'returned', 'submitted', 'forwarded', 'confirmed'] as const).map((s, i) => ({
          type: 'bar',
          stack: 's',
          name: ['自评中', '退回修改', '待企业考评', '待国资委审定', '已审定'][i],
          data: data.children.map((c) => c.byStatus[s] ?? 0),
        })),
      }
    : null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          <CampaignSelect value={campaignId} onChange={(id) => go({ campaignId: id, orgId: undefined })} />
          {data && (
            <Breadcrumb
              items={[
                ...(orgId
                  ? [
                      {
                        title: (
                          <Button type="link" size="small" onClick={() => go({ orgId: undefined })}>
                            全部
                          </Button>
                        ),
                      },
                    ]
                  : []),
                { title: data.org.name },
              ]}
            />
          )}
          <Button
            loading={dl.busy === 'x'}
            disabled={!campaignId}
            onClick={() => dl.run('x', `/api/fivegood/campaigns/${campaignId}/board/export`, { orgId })}
          >
            导出 Excel
          </Button>
        </Space>
      </Card>
      {data && <Totals b={data} />}
      {data && (
        <Row gutter={16}>
          <Col xs={24} lg={10}>
            <Card title="等次分布">{pie && <EChart option={pie} height={280} ariaLabel="等次分布图" />}</Card>
          </Col>
          {bars && (
            <Col xs={24} lg={14}>
              <Card title="各单位所处环节">
                <EChart option={bars} height={280} ariaLabel="各单位环节图" />
              </Card>
            </Col>
          )}
        </Row>
      )}
      {data && data.children.length > 0 && (
        <Card title="下级单位（点击下钻）">
          <Table
            rowKey="orgId"
            size="small"
            pagination={false}
            dataSource={data.children}
            columns={[
              {
                title: '单位',
                dataIndex: 'name',
                render: (v, c) => (
                  <Button type="link" size="small" onClick={() => go({ orgId: c.orgId })}>
                    {v}
                  </Button>
                ),
              },
              {
                title: '参评/应评',
                render: (_, c) => (
                  <>
                    {childLink('fivegood.eligible', c.orgId, c.eligible)}/{childLink('fivegood.branches', c.orgId, c.branches)}
                  </>
                ),
              },
              { title: '已审定', dataIndex: 'graded', render: (v: number, c) => childLink('fivegood.graded', c.orgId, v) },
              // 五个好 is the 已命名 rule (fact fivegood.named at that child org), its share of the child's 已审定
              { title: '五个好', dataIndex: 'fiveGood', render: (v: number, c) => childLink('fivegood.named', c.orgId, v) },
              { title: '五个好占比', dataIndex: 'fiveGoodShare', render: (v: number | null) => pct(v) },
              {
                title: '后进支部进位升级率',
                render: (_, c) =>
                  data ? (
                    <Link to={factHref('fivegood.promotion', { orgId: c.orgId, year: data.campaign.year })}>
                      {`${pct(c.promotion.ratio)}（${c.promotion.promoted}/${c.promotion.base}）`}
                    </Link>
                  ) : null,
              },
              { title: '逾期环节', dataIndex: 'overdue', render: (n) => (n ? <Tag color="red">{n}</Tag> : 0) },
            ]}
          />
        </Card>
      )}
      {data && data.branches.length > 0 && (
        <Card title="党支部">
          <Table
            rowKey="id"
            size="small"
            dataSource={data.branches}
            columns={[
              { title: '党支部', dataIndex: 'orgName', render: (v, r) => <Link to={`/fivegood/assessments/${r.id}`}>{v}</Link> },
              { title: '当前环节', dataIndex: 'statusLabel' },
              { title: '截止', dataIndex: 'deadline', render: (v, r) => (r.overdue ? <Tag color="red">{v} 逾期</Tag> : v) },
              { title: '审定等次', dataIndex: 'grade', render: (g, r) => <GradeTag grade={g} label={r.gradeLabel} /> },
              { title: '上年', dataIndex: 'previousGrade', render: (g) => <GradeTag grade={g} /> },
              { title: '总分', dataIndex: 'total' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

/**
 * The board's headline figures, read from the facts API for the board's org and the campaign's year (the same facts as
 * the cockpit: 五个好支部 is the 已命名 rule — latest rating at the top grade, not vetoed, not revoked); every fact number
 * opens its records; 进位升级率 links to fact fivegood.promotion (same rule). 逾期环节 stays the board's own figure: a
 * step's deadline runs into the next year, so it is judged on today, not on a year's as-of day as a fact would be.
 */
function Totals({ b }: { b: Board }) {
  const t = b.totals;
  const q = { orgId: b.org.id, year: b.campaign.year };
  const { data: facts } = useFacts(q);
  const v = (key: string) => factValue(facts, key) ?? null;
  const num = (key: string) => {
    const x = v(key);
    return x === null ? '—' : <Link to={factHref(key, q)}>{x}</Link>;
  };
  const named = v('fivegood.named');
  const graded = v('fivegood.graded');
  return (
    <Card title={`${b.campaign.name} · ${b.org.name}`}>
      <Row gutter={16}>
        <Col span={4}>
          <Statistic
            title="参评支部"
            valueRender={() => (
              <>
                {num('fivegood.eligible')} / {num('fivegood.branches')}
              </>
            )}
          />
        </Col>
        <Col span={4}>
          <Statistic title="已审定" valueRender={() => num('fivegood.graded')} />
        </Col>
        <Col span={4}>
          <Statistic title="五个好支部" valueRender={() => num('fivegood.named')} />
        </Col>
        <Col span={4}>
          <Statistic
            title="五个好占比"
            valueRender={() => <Link to={factHref('fivegood.named', q)}>{pct(named !== null && graded ? named / graded : null)}</Link>}
          />
        </Col>
        <Col span={4}>
          <Statistic
            title="进位升级率"
            valueRender={() => <Link to={factHref('fivegood.promotion', q)}>{pct(t.promotion.ratio)}</Link>}
            suffix={`(${t.promotion.promoted}/${t.promotion.base})`}
          />
        </Col>
        <Col span={4}>
          <Statistic title="逾期环节" value={t.overdue} valueStyle={t.overdue ? { color: '#cf1322' } : undefined} />
        </Col>
      </Row>
    </Card>
  );
}
