import { App, Button, Empty, Input, List, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { type Correction, useCorrections, useMemberMutations } from '../api.ts';

/** 更正申请: members' own corrections waiting for the branch secretary; approval applies them at once. */
export function CorrectionsPanel() {
  const { message } = App.useApp();
  const { data = [], isPending } = useCorrections(true);
  const { decide } = useMemberMutations();
  const [rejecting, setRejecting] = useState<Correction | null>(null);
  const [note, setNote] = useState('');

  const act = async (c: Correction, approve: boolean, why?: string) => {
    try {
      await decide.mutateAsync({ id: c.id, approve, note: why });
      message.success(approve ? `已通过${c.memberName}的更正申请` : `已退回${c.memberName}的更正申请`);
      setRejecting(null);
      setNote('');
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  if (!isPending && !data.length) return <Empty description="没有待审核的更正申请" />;
  return (
    <>
      <List
        loading={isPending}
        dataSource={data}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button key="ok" type="primary" size="small" loading={decide.isPending} onClick={() => act(c, true)}>
                通过
              </Button>,
              <Button key="no" size="small" onClick={() => setRejecting(c)}>
                退回
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={`${c.memberName}（${c.orgName}）· ${c.createdAt.slice(0, 10)}`}
              description={
                <Space direction="vertical" size={0}>
                  {c.changes.map((ch) => (
                    <span key={ch.field}>
                      {ch.label}：{ch.from ?? '（空）'} → <b>{ch.to}</b>
                    </span>
                  ))}
                  <Typography.Text type="secondary">理由：{c.reason}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!rejecting}
        title="退回更正申请"
        okText="退回"
        okButtonProps={{ disabled: note.trim().length < 2, loading: decide.isPending }}
        onOk={() => rejecting && act(rejecting, false, note.trim())}
        onCancel={() => setRejecting(null)}
      >
        <Input.TextArea
          rows={3}
          maxLength={200}
          placeholder="请填写退回原因"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-label="退回原因"
        />
      </Modal>
    </>
  );
}
