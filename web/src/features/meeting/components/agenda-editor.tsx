import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { type AgendaItem, type Meeting, useMeetingActions, useTopics } from '../api.ts';

type Row = AgendaItem & { k: string };
const keyed = (list: AgendaItem[]): Row[] => list.map((a) => ({ ...a, k: a.id ?? crypto.randomUUID() }));

/** 议程: ordered items; item 1 may be the 第一议题, chosen from the topic bank, with its form and summary. */
export function AgendaEditor({ m }: { m: Meeting }) {
  const [items, setItems] = useState<Row[]>(keyed(m.agenda));
  useEffect(() => setItems(keyed(m.agenda)), [m.agenda]);
  const topics = useTopics();
  const { agenda } = useMeetingActions(m.id);
  const { message } = App.useApp();
  const set = (i: number, patch: Partial<AgendaItem>) => setItems(items.map((x, n) => (n === i ? { ...x, ...patch } : x)));
  const hasFirst = items[0]?.kind === 'first_topic';
  const save = async () => {
    try {
      await agenda.mutateAsync({
        items: items.map(({ kind, title, topicId, form, summary }) => ({ kind, title, topicId, form, summary })),
      });
      message.success('议程已保存');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card
      size="small"
      title="会议议程"
      extra={
        m.canEdit && (
          <Button onClick={save} loading={agenda.isPending}>
            保存议程
          </Button>
        )
      }
    >
      {items.map((it, i) => (
        <Space key={it.k} direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Space wrap>
            <span>{i + 1}.</span>
            {it.kind === 'first_topic' && <Tag color="red">第一议题</Tag>}
            {it.kind === 'first_topic' ? (
              <Select
                aria-label="第一议题学习内容"
                style={{ width: 420 }}
                placeholder="从议题库选择学习内容"
                value={it.topicId ?? undefined}
                disabled={!m.canEdit}
                onChange={(topicId) => set(i, { topicId, title: topics.data?.find((t) => t.id === topicId)?.title ?? it.title })}
                options={(topics.data ?? []).map((t) => ({ value: t.id, label: `${t.title}（${t.publishedOn}）` }))}
              />
            ) : (
              <Input
                aria-label={`议题${i + 1}`}
                style={{ width: 420 }}
                value={it.title}
                disabled={!m.canEdit}
                onChange={(e) => set(i, { title: e.target.value })}
              />
            )}
            {m.canEdit && (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label="删除议题"
                onClick={() => setItems(items.filter((_, n) => n !== i))}
              />
            )}
          </Space>
          {it.kind === 'first_topic' && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input
                aria-label="学习形式"
                placeholder="学习形式，如：原文领学、集中学习、交流研讨"
                value={it.form ?? ''}
                disabled={!m.canEdit}
                onChange={(e) => set(i, { form: e.target.value })}
              />
              <Input.TextArea
                aria-label="过程概况"
                rows={3}
                placeholder="过程概况：谁领学、学了什么、大家如何结合工作交流"
                value={it.summary ?? ''}
                disabled={!m.canEdit}
                onChange={(e) => set(i, { summary: e.target.value })}
              />
            </Space>
          )}
        </Space>
      ))}
      {m.canEdit && (
        <Space>
          {!hasFirst && (
            <Button
              icon={<PlusOutlined />}
              onClick={() => setItems([{ kind: 'first_topic', title: '第一议题', topicId: null, k: crypto.randomUUID() }, ...items])}
            >
              添加第一议题
            </Button>
          )}
          <Button icon={<PlusOutlined />} onClick={() => setItems([...items, { kind: 'regular', title: '', k: crypto.randomUUID() }])}>
            添加议题
          </Button>
        </Space>
      )}
    </Card>
  );
}
