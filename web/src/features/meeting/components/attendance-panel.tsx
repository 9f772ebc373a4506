import { App, Button, Card, Input, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { ATTENDANCE_LABELS } from '../../../../../common/meeting.ts';
import { type Attendance, type Meeting, useMeetingActions } from '../api.ts';

/** 出席情况: 应到 from the roster; mark 出席/缺席/请假 (with reason); QR sign-ins arrive as 出席. */
export function AttendancePanel({ m }: { m: Meeting }) {
  const [rows, setRows] = useState<Attendance[]>(m.attendance);
  useEffect(() => setRows(m.attendance), [m.attendance]);
  const { attendance } = useMeetingActions(m.id);
  const { message } = App.useApp();
  const edit = m.canEdit && m.status !== 'planned';
  const set = (id: string, patch: Partial<Attendance>) => setRows(rows.map((r) => (r.memberId === id ? { ...r, ...patch } : r)));
  const save = async (list = rows) => {
    try {
      await attendance.mutateAsync({ items: list.map((r) => ({ memberId: r.memberId, status: r.status, reason: r.reason })) });
      message.success('出席情况已保存');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const c = m.counts;
  return (
    <Card
      size="small"
      title={`出席情况（应到 ${c.expected} 人，实到 ${c.present} 人，请假 ${c.leave} 人，缺席 ${c.absent} 人）`}
      extra={
        edit && (
          <Space>
            <Button onClick={() => save(rows.map((r) => (r.status === 'expected' ? { ...r, status: 'present' } : r)))}>
              其余人员均出席
            </Button>
            <Button type="primary" onClick={() => save()} loading={attendance.isPending}>
              保存出席情况
            </Button>
          </Space>
        )
      }
    >
      <Table<Attendance>
        size="small"
        rowKey="memberId"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '类别', dataIndex: 'category', render: (v: string) => (v === 'full' ? '正式党员' : '预备党员') },
          {
            title: '情况',
            key: 'status',
            render: (_, r) => (
              <Select
                aria-label={`${r.name}出席情况`}
                disabled={!edit}
                value={r.status}
                style={{ width: 110 }}
                onChange={(status) => set(r.memberId, { status })}
                options={Object.entries(ATTENDANCE_LABELS).map(([value, label]) => ({ value, label }))}
              />
            ),
          },
          {
            title: '事由',
            key: 'reason',
            render: (_, r) =>
              r.status === 'leave' || r.status === 'absent' ? (
                <Input
                  aria-label={`${r.name}事由`}
                  disabled={!edit}
                  value={r.reason ?? ''}
                  onChange={(e) => set(r.memberId, { reason: e.target.value })}
                />
              ) : r.via === 'qr' ? (
                '扫码签到'
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
