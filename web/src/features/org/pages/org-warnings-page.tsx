import { Card, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { ORG_TYPE_LABELS } from '../../../../../common/access.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { LEVEL_COLORS, LEVEL_LABELS, type OrgWarning, useOrgWarnings, type WarningLevel } from '../../../lib/org-warnings-api.ts';

/** 组织设置预警: every establishment finding (人数、委员会、任期、联合支部…) in the caller's scope. */
export default function OrgWarningsPage() {
  const [orgId, setOrgId] = useState<string | undefined>();
  const [level, setLevel] = useState<WarningLevel | 'all'>('all');
  const { data = [], isFetching } = useOrgWarnings({ orgId, level: level === 'all' ? undefined : level });
  const count = (l: WarningLevel) => data.filter((w) => w.level === l).length;
  return (
    <Card title="组织设置预警">
      <Space wrap style={{ marginBottom: 16 }}>
        <div style={{ width: 280 }}>
          <OrgSelect allowClear placeholder="全部（管理范围内）" value={orgId} onChange={setOrgId} />
        </div>
        <Segmented
          aria-label="按级别筛选"
          value={level}
          onChange={(v) => setLevel(v as WarningLevel | 'all')}
          options={[
            { label: '全部', value: 'all' },
            { label: LEVEL_LABELS.error, value: 'error' },
            { label: LEVEL_LABELS.warning, value: 'warning' },
            { label: LEVEL_LABELS.notice, value: 'notice' },
          ]}
        />
        {level === 'all' && (
          <span>
            违规 {count('error')} 项 · 预警 {count('warning')} 项 · 提示 {count('notice')} 项
          </span>
        )}
      </Space>
      <Table<OrgWarning>
        rowKey={(w) => `${w.orgId}:${w.code}`}
        size="middle"
        loading={isFetching}
        dataSource={data}
        locale={{ emptyText: '没有需要处理的组织设置问题' }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          {
            title: '级别',
            dataIndex: 'level',
            width: 90,
            render: (l: WarningLevel) => <Tag color={LEVEL_COLORS[l]}>{LEVEL_LABELS[l]}</Tag>,
          },
          { title: '组织', dataIndex: 'orgName' },
          { title: '类别', dataIndex: 'orgType', width: 90, render: (t: OrgWarning['orgType']) => ORG_TYPE_LABELS[t] },
          { title: '问题与建议', dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}
