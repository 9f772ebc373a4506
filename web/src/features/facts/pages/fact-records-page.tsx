import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Space, Statistic, Table, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useDownload } from '../../../lib/use-download.ts';
import { type FactRecords, useFactRecords } from '../api.ts';

type Rec = FactRecords['items'][number];

const fmt = (v: number | null, digits = 2) => (v === null ? '—' : String(Math.round(v * 10 ** digits) / 10 ** digits));

/** 指标明细: the records behind any figure (a cockpit card, a board cell), searchable, paged, exportable to Excel. */
export default function FactRecordsPage() {
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const year = Number(params.get('year')) || undefined;
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 20;
  const { data, isPending, isFetching, error } = useFactRecords(key, { orgId, year, q, page, pageSize });
  const dl = useDownload();
  const set = (next: Record<string, string | number | undefined>) => {
    const v = { orgId, year, q, page, pageSize, ...next };
    setParams(
      Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined && x !== '')
          .map(([k, x]) => [k, String(x)]),
      ),
    );
  };
  const withAmount = !!data && (data.fact.kind !== 'count' || data.items.some((x) => x.amount !== null));
  const unit = data?.fact.unit ?? '';
  return (
    <Card
      title={
        <Space direction="vertical" size={0}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {data ? `${data.fact.label} · 明细` : '指标明细'}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary">
              {data.org.name}及其全部下级 · {data.year}年
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={dl.busy === 'facts'}
          disabled={!data}
          onClick={() =>
            dl.run(
              'facts',
              `/api/facts/${encodeURIComponent(key)}/records/export`,
              { orgId: data?.org.id, year: data ? String(data.year) : undefined, q },
              `${data?.fact.label ?? '指标明细'}.xlsx`,
            )
          }
        >
          导出 Excel
        </Button>
      }
    >
      {error && <Alert type="error" showIcon message={(error as Error).message} style={{ marginBottom: 16 }} />}
      <Flex wrap gap={24} align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label="搜索名称或组织"
          placeholder="搜索名称或组织"
          defaultValue={q}
          style={{ width: 300 }}
          onSearch={(v) => set({ q: v || undefined, page: 1 })}
        />
        {data && <Statistic title={q ? '符合条件的记录' : '记录总数'} value={data.total} suffix="条" />}
        {data && data.fact.kind !== 'count' && data.sum !== null && (
          <Statistic title={data.fact.kind === 'rate' ? '合计（分子）' : '合计'} value={fmt(data.sum)} suffix={unit === '%' ? '' : unit} />
        )}
      </Flex>
      <Table<Rec>
        rowKey="id"
        size="middle"
        loading={isPending || isFetching}
        dataSource={data?.items ?? []}
        locale={{ emptyText: '没有记录' }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p, s) => set({ page: s === pageSize ? p : 1, pageSize: s }),
        }}
        columns={[
          { title: '序号', key: 'n', width: 72, render: (_v, _r, i) => (page - 1) * pageSize + i + 1 },
          { title: '名称', dataIndex: 'title' },
          { title: '所属组织', dataIndex: 'orgName', width: 260 },
          { title: '日期', dataIndex: 'date', width: 120, render: (d: string | null) => d ?? '—' },
          ...(withAmount
            ? [
                {
                  title: `数值（${unit}）`,
                  dataIndex: 'amount',
                  width: 120,
                  align: 'right' as const,
                  render: (v: number | null) => fmt(v),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
