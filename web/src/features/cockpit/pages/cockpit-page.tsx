import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Button, Card, DatePicker, Flex, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { ORG_TYPE_LABELS } from '../../../../../common/access.ts';
import { factHref } from '../../../lib/fact-href.ts';
import { useDownload } from '../../../lib/use-download.ts';
import { useCockpit } from '../api.ts';
import { ChildrenTable } from '../components/children-table.tsx';
import { CockpitCharts } from '../components/cockpit-charts.tsx';
import { HeadlineCards } from '../components/headline-cards.tsx';

/** 驾驶舱: an org's subtree at a glance for a year, drilling down through its children. */
export default function CockpitPage() {
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const year = Number(params.get('year')) || dayjs().year();
  const { data, isPending, isFetching, error } = useCockpit(orgId, year);
  const dl = useDownload();
  const go = (next: { orgId?: string; year?: number }) => {
    const v = { orgId, year: String(year), ...next, ...(next.year ? { year: String(next.year) } : {}) };
    setParams(Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as Record<string, string>);
  };
  const hrefOf = (id: string) => `/cockpit?orgId=${id}&year=${year}`;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Flex wrap gap={12} justify="space-between" align="center">
        <Space direction="vertical" size={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            驾驶舱{data ? ` · ${data.org.name}` : ''}
          </Typography.Title>
          {data && (
            <Breadcrumb
              items={data.trail.map((t, i) => ({
                key: t.id,
                title: i < data.trail.length - 1 ? <Link to={hrefOf(t.id)}>{t.name}</Link> : t.name,
              }))}
            />
          )}
        </Space>
        <Space wrap>
          <DatePicker
            picker="year"
            allowClear={false}
            aria-label="年度"
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => d && go({ year: d.year() })}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={dl.busy === 'cockpit'}
            disabled={!data}
            onClick={() => dl.run('cockpit', '/api/cockpit/export', { orgId: data?.org.id, year: String(year) }, `驾驶舱${year}.xlsx`)}
          >
            导出 Excel
          </Button>
        </Space>
      </Flex>
      {error && <Alert type="error" showIcon message={(error as Error).message} />}
      {isPending && <Spin tip="正在加载驾驶舱数据…" />}
      {data && (
        <Spin spinning={isFetching}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {ORG_TYPE_LABELS[data.org.type]}及其全部下级 · {data.year}年 · 数据截至 {data.asOf}
            </Typography.Text>
            <HeadlineCards data={data} />
            <CockpitCharts data={data} onPick={(id) => go({ orgId: id })} />
            <Card size="small" title={`下级组织（${data.children.length}）`}>
              <ChildrenTable
                rows={data.children}
                loading={isFetching}
                hrefOf={hrefOf}
                factHrefOf={(key, id) => factHref(key, { orgId: id, year })}
                onPick={(id) => go({ orgId: id })}
              />
            </Card>
          </Space>
        </Spin>
      )}
    </Space>
  );
}
