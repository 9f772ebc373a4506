import { Card, Col, Row, Statistic } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { ORG_TYPE_LABELS, ORG_TYPES } from '../../../../../common/access.ts';
import { EChart } from '../../../components/echart.tsx';
import { factHref } from '../../../lib/fact-href.ts';
import { factValue, useFacts } from '../../../lib/facts-api.ts';

type Figure = { key: string; label: string; value: number; suffix: string };

/**
 * Org counts by type, the enterprises and the member total of the caller's scope, read from the facts API (the same
 * facts as the cockpit); every number opens its records. A figure the caller may not read (members) is left out.
 */
export function OrgFigures() {
  const { data, isPending } = useFacts();
  const figures = useMemo(() => {
    const list: Figure[] = [];
    const push = (key: string, label: string, suffix: string) => {
      const v = factValue(data, key);
      if (v !== undefined && v !== null) list.push({ key, label, value: v, suffix });
    };
    for (const t of ORG_TYPES) push(`orgs.${t}`, ORG_TYPE_LABELS[t], '个');
    push('orgs.enterprises', '企业', '家');
    push('members.total', '党员', '名');
    return list;
  }, [data]);
  const option = useMemo<EChartsOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      color: ['#c8102e', '#e8684a', '#f6bd16', '#5b8ff9'],
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          data: figures
            .filter((f) => f.key.startsWith('orgs.') && f.key !== 'orgs.enterprises' && f.value > 0)
            .map((f) => ({ name: f.label, value: f.value })),
          label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
        },
      ],
    }),
    [figures],
  );
  const href = (key: string) => factHref(key, { orgId: data?.org.id, year: data?.year });
  return (
    <Card title="组织概况（管理范围内）" loading={isPending}>
      <Row gutter={[16, 16]} align="middle">
        <Col xs={24} md={14}>
          <Row gutter={[16, 16]}>
            {figures.map((f) => (
              <Col key={f.key} xs={12} sm={8}>
                <Link to={href(f.key)} aria-label={`${f.label}明细`}>
                  <Statistic title={f.label} value={f.value} suffix={f.suffix} />
                </Link>
              </Col>
            ))}
          </Row>
        </Col>
        <Col xs={24} md={10}>
          <EChart option={option} height={240} ariaLabel="各类党组织数量" />
        </Col>
      </Row>
    </Card>
  );
}
