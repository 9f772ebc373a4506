import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMarkRead, useNotifications } from '../lib/notify-api.ts';

/** Header bell: unread count, the latest reminders, mark read, 全部已读, and the reminder's link. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const { data } = useNotifications({ pageSize: 8 });
  const mark = useMarkRead();
  const navigate = useNavigate();
  const unread = data?.unread ?? 0;

  const panel = (
    <div style={{ width: 340, maxWidth: '90vw', background: '#fff', borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,.12)' }}>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '10px 16px',
          borderBottom: '1px solid #f0f0f0',
        }}
      >
        <Typography.Text strong>站内提醒</Typography.Text>
        <Button size="small" type="link" disabled={!unread} onClick={() => mark.mutate(undefined)}>
          全部已读
        </Button>
      </div>
      {data?.items.length ? (
        <List
          style={{ maxHeight: 400, overflow: 'auto' }}
          dataSource={data.items}
          renderItem={(n) => (
            <List.Item
              style={{ padding: '10px 16px', cursor: 'pointer', background: n.readAt ? undefined : '#fff7f5' }}
              onClick={() => {
                if (!n.readAt) mark.mutate(n.id);
                if (n.link) {
                  setOpen(false);
                  // the member H5 is another entry: leave the admin app for it
                  if (n.link.startsWith('/m')) window.location.assign(n.link);
                  else navigate(n.link);
                }
              }}
            >
              <List.Item.Meta
                title={
                  <span>
                    {!n.readAt && <Badge status="error" style={{ marginRight: 6 }} />}
                    {n.title}
                  </span>
                }
                description={
                  <>
                    {n.body && <div>{n.body}</div>}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无提醒" style={{ padding: 16 }} />
      )}
    </div>
  );

  return (
    <Dropdown open={open} onOpenChange={setOpen} trigger={['click']} popupRender={() => panel} placement="bottomRight">
      <Button
        type="text"
        aria-label={`站内提醒，未读 ${unread} 条`}
        icon={
          <Badge count={unread} size="small">
            <BellOutlined style={{ fontSize: 18 }} />
          </Badge>
        }
      />
    </Dropdown>
  );
}
