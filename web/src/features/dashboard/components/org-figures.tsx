import { Card, Col, Row, Statistic } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { ORG_TYPE_LABELS, ORG_TYPES } from '../../../../../common/access.ts';
import { EChart } from '../../../components/echart.tsx';
import { useOrgs } from '../../../lib/org-api.ts';

/** Org counts by type and the member total of the caller's scope, computed from /api/orgs. */
export function OrgFigures() {
  const { data: orgs, isPending } = useOrgs();
  const figures = useMemo(() => {
    const active = (orgs ?? []).filter((o) => o.status === 'active');
    const byType = ORG_TYPES.map((t) => ({ type: t, label: ORG_TYPE_LABELS[t], count: active.filter((o) => o.type === t).length }));
    const members = active.reduce((s, o) => s + o.memberCount, 0);
    return { byType, members, enterprises: active.filter((o) => o.isEnterprise).length };
  }, [orgs]);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      color: ['#c8102e', '#e8684a', '#f6bd16', '#5b8ff9'],
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          data: figures.byType.filter((f) => f.count > 0).map((f) => ({ name: f.label, value: f.count })),
          label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
        },
      ],
    }),
    [figures],
  );
  return (
    <Card title="组织概况（管理范围内）" loading={isPending}>
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} md={14}>
          <Row gutter={[16, 16]}>
            {figures.byType.map((f) => (
              <Col key={f.type} xs={12} sm={8}>
                <Statistic title={f.label} value={f.count} suffix="个" />
              </Col>
            ))}
            <Col xs={12} sm={8}>
              <Statistic title="企业" value={figures.enterprises} suffix="家" />
            </Col>
            <Col xs={12} sm={8}>
              <Statistic title="党员" value={figures.members} suffix="名" />
            </Col>
          </Row>
        </Col>
        <Col xs={24} md={10}>
          <EChart option={option} height={240} ariaLabel="各类党组织数量" />
        </Col>
      </Row>
    </Card>
  );
}
