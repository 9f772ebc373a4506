import { Card, Col, Row } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { ORG_TYPE_LABELS, ORG_TYPES } from '../../../../../common/access.ts';
import { EChart } from '../../../components/echart.tsx';
import type { Cockpit } from '../api.ts';

const RED = ['#c8102e', '#e8684a', '#f6bd16', '#5b8ff9'];

/** Monthly series, org types and the children ranking. */
export function CockpitCharts({ data, onPick }: { data: Cockpit; onPick: (orgId: string) => void }) {
  const monthly = useMemo<EChartsOption>(
    () => ({
      color: RED,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: data.monthly.map((m) => `${m.month}月`) },
      yAxis: [
        { type: 'value', name: '次', minInterval: 1 },
        { type: 'value', name: '小时' },
      ],
      series: [
        { name: '会议', type: 'bar', data: data.monthly.map((m) => m.meetings) },
        { name: '第一议题', type: 'bar', data: data.monthly.map((m) => m.firstTopics) },
        { name: '学习时长', type: 'line', yAxisIndex: 1, smooth: true, data: data.monthly.map((m) => m.studyHours) },
      ],
    }),
    [data],
  );
  const types = useMemo<EChartsOption>(
    () => ({
      color: RED,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          data: ORG_TYPES.map((t) => ({ name: ORG_TYPE_LABELS[t], value: data.headline.orgs[t] })).filter((x) => x.value > 0),
          label: { formatter: '{b} {c}' },
        },
      ],
    }),
    [data],
  );
  const ranking = useMemo(() => {
    const top = [...data.children]
      .sort((a, b) => b.studyHoursPerMember - a.studyHoursPerMember)
      .slice(0, 15)
      .reverse();
    const option: EChartsOption = {
      color: RED,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 30, bottom: 20, top: 10, containLabel: true },
      xAxis: { type: 'value', name: '小时' },
      yAxis: { type: 'category', data: top.map((c) => c.org.name), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ name: '人均学习时长', type: 'bar', data: top.map((c) => c.studyHoursPerMember) }],
    };
    return { option, ids: top.map((c) => c.org.id) };
  }, [data]);
  const height = Math.max(220, Math.min(15, data.children.length) * 26 + 40);
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={`${data.year}年逐月情况`}>
          <EChart option={monthly} height={280} ariaLabel="逐月会议、第一议题与学习时长" />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title="党组织构成">
          <EChart option={types} height={280} ariaLabel="各类党组织数量" />
        </Card>
      </Col>
      {data.children.length > 0 && (
        <Col xs={24}>
          <Card size="small" title="下级组织人均学习时长（前 15，点击进入）">
            <EChart
              option={ranking.option}
              height={height}
              ariaLabel="下级组织人均学习时长排名"
              onItemClick={(x) => {
                const id = ranking.ids[x.dataIndex];
                if (id) onPick(id);
              }}
            />
          </Card>
        </Col>
      )}
    </Row>
  );
}
