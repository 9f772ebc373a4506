import { Checkbox, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFollowUps } from '../api.ts';

/** 督办: 第一议题 follow-up measures of the caller's scope, overdue ones first to hand. */
export function Supervision() {
  const [overdue, setOverdue] = useState(true);
  const list = useFollowUps(overdue ? { overdue: '1' } : {});
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
        只看已逾期
      </Checkbox>
      <Table
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data}
        columns={[
          { title: '党组织', dataIndex: 'orgName' },
          { title: '会议', dataIndex: 'meetingTitle', render: (v: string, f) => <Link to={`/meetings/${f.meetingId}`}>{v}</Link> },
          { title: '落实措施', dataIndex: 'measure' },
          { title: '责任人', dataIndex: 'ownerName' },
          { title: '时限', dataIndex: 'deadline' },
          {
            title: '状态',
            key: 's',
            render: (_, f) =>
              f.status === 'done' ? (
                <Tag color="green">已完成</Tag>
              ) : f.overdue ? (
                <Tag color="red">已逾期</Tag>
              ) : (
                <Tag color="blue">落实中</Tag>
              ),
          },
        ]}
      />
    </Space>
  );
}
