import { App, Button, Input, Modal, Space, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type Meeting, useMeetingActions } from '../api.ts';

const ACTION = { submit: '提交审核', return: '退回补充', approve: '审核通过' } as const;

/** The upper org's decision (通过 / 退回补充 with a comment) and the review history the branch sees. */
export function ReviewBar({ m }: { m: Meeting }) {
  const { review } = useMeetingActions(m.id);
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const decide = async (action: 'approve' | 'return') => {
    try {
      await review.mutateAsync({ action, comment: action === 'return' ? comment : null });
      setReturning(false);
      message.success(action === 'return' ? '已退回补充' : '已审核通过');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      {m.canReview && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => decide('approve')} loading={review.isPending}>
            审核通过
          </Button>
          <Button danger onClick={() => setReturning(true)}>
            退回补充
          </Button>
        </Space>
      )}
      {m.reviews.length > 0 && (
        <Timeline
          items={m.reviews.map((r) => ({
            color: r.action === 'return' ? 'red' : r.action === 'approve' ? 'green' : 'blue',
            children: `${dayjs(r.at).format('YYYY-MM-DD HH:mm')} ${r.byName ?? ''} ${ACTION[r.action]}${r.comment ? `：${r.comment}` : ''}`,
          }))}
        />
      )}
      <Modal title="退回补充" open={returning} onCancel={() => setReturning(false)} onOk={() => decide('return')} okText="退回">
        <Input.TextArea
          aria-label="退回意见"
          rows={4}
          placeholder="请写明需要补充的内容"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </>
  );
}
