import { Button, Card, Empty, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { useMarkRead, useNotifications } from '../../../lib/notify-api.ts';

/** The caller's unread 站内提醒, newest first. */
export function UnreadReminders() {
  const { data, isPending } = useNotifications({ unreadOnly: true, pageSize: 6 });
  const mark = useMarkRead();
  const navigate = useNavigate();
  return (
    <Card
      title={`未读提醒${data ? `（${data.unread}）` : ''}`}
      loading={isPending}
      extra={
        data?.unread ? (
          <Button type="link" size="small" onClick={() => mark.mutate(undefined)}>
            全部已读
          </Button>
        ) : null
      }
    >
      {data?.items.length ? (
        <List
          dataSource={data.items}
          renderItem={(n) => (
            <List.Item
              actions={[
                n.link ? (
                  <Button
                    key="open"
                    type="link"
                    size="small"
                    onClick={() => {
                      mark.mutate(n.id);
                      if (n.link!.startsWith('/m')) window.location.assign(n.link!);
                      else navigate(n.link!);
                    }}
                  >
                    查看
                  </Button>
                ) : null,
                <Button key="read" type="link" size="small" onClick={() => mark.mutate(n.id)}>
                  标为已读
                </Button>,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={n.title}
                description={
                  <>
                    {n.body}
                    <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                      {dayjs(n.createdAt).format('MM-DD HH:mm')}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有未读提醒" />
      )}
    </Card>
  );
}
