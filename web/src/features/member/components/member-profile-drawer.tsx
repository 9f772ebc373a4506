import { EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Drawer, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { CATEGORY_LABELS, GENDER_LABELS, type MemberStatus, STATUS_LABELS } from '../../../../../common/member.ts';
import { MemberTransfers } from '../../../components/member-transfers.tsx';
import { useCan } from '../../../lib/access.ts';
import { type Member, unmask, useMember, useMemberHistory } from '../api.ts';
import { MemberAccountSection } from './member-account-section.tsx';

type Props = { id: string; onClose: () => void; onEdit: (m: Member) => void };

/** 党员档案: the record (masked), 查看完整信息 with pii:view, the probation due date and the edit history. */
export function MemberProfileDrawer({ id, onClose, onEdit }: Props) {
  const { message } = App.useApp();
  const can = useCan();
  const { data: m, isPending } = useMember(id);
  const history = useMemberHistory(id);
  const [full, setFull] = useState<{ idNumber: string; phone: string | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const reveal = async () => {
    setBusy(true);
    try {
      setFull(await unmask(id));
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open
      width={600}
      title={m ? `党员档案：${m.name}` : '党员档案'}
      onClose={onClose}
      extra={
        m &&
        can('member:write') && (
          <Button type="primary" onClick={() => onEdit(m)}>
            编辑
          </Button>
        )
      }
    >
      {isPending || !m ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {m.probationDueOn && <Alert type="info" showIcon message={`预备党员，预备期将于 ${m.probationDueOn} 届满，届时请及时讨论转正`} />}
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label="姓名">{m.name}</Descriptions.Item>
            <Descriptions.Item label="性别">{GENDER_LABELS[m.gender]}</Descriptions.Item>
            <Descriptions.Item label="民族">{m.ethnicity}</Descriptions.Item>
            <Descriptions.Item label="出生日期">{m.birthDate}</Descriptions.Item>
            <Descriptions.Item label="公民身份号码" span={2}>
              <Space>
                <Typography.Text copyable={!!full}>{full?.idNumber ?? m.idNumber}</Typography.Text>
                {!full && can('pii:view') && (
                  <Button size="small" icon={<EyeOutlined />} loading={busy} onClick={reveal}>
                    查看完整信息
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="手机号码">{full ? (full.phone ?? '—') : (m.phone ?? '—')}</Descriptions.Item>
            <Descriptions.Item label="学历">{m.education ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="人员类别">
              <Tag color={m.category === 'full' ? 'red' : 'orange'}>{CATEGORY_LABELS[m.category]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="状态">{STATUS_LABELS[m.status as MemberStatus] ?? m.status}</Descriptions.Item>
            <Descriptions.Item label="入党日期">{m.joinedOn}</Descriptions.Item>
            <Descriptions.Item label="转为正式党员日期">{m.fullMemberOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所在党组织" span={2}>
              {m.orgName}
            </Descriptions.Item>
            <Descriptions.Item label="党内职务" span={2}>
              {m.position ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          {full && <Typography.Text type="secondary">完整信息的查看已记入审计日志，请勿截屏或外传。</Typography.Text>}
          <MemberAccountSection memberId={m.id} />
          <div>
            <Typography.Title level={5}>组织关系转接</Typography.Title>
            <MemberTransfers memberId={m.id} />
          </div>
          <div>
            <Typography.Title level={5}>修改记录</Typography.Title>
            {history.data?.length ? (
              <Timeline
                items={history.data.map((h) => ({
                  children: (
                    <>
                      <div>
                        <b>{h.actionLabel}</b> · {h.by ?? '系统'} · {h.at.slice(0, 16).replace('T', ' ')}
                      </div>
                      {h.changes.map((c) => (
                        <div key={c.field}>
                          <Typography.Text type="secondary">{c.label}：</Typography.Text>
                          {c.from !== null ? `${c.from} → ` : ''}
                          {c.to ?? '（清空）'}
                        </div>
                      ))}
                    </>
                  ),
                }))}
              />
            ) : (
              <Empty description="暂无修改记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </div>
        </Space>
      )}
    </Drawer>
  );
}
