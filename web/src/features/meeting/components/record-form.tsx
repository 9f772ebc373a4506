import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { type Meeting, useMeetingActions, useTemplates, type Vote } from '../api.ts';

type Row = Vote & { k: string };
const keyed = (list: Vote[]): Row[] => list.map((v) => ({ ...v, k: crypto.randomUUID() }));

/** The record against its template: one box per section (required ones marked), minutes, and votes for a voting 党员大会. */
export function RecordForm({ m }: { m: Meeting }) {
  const tpl = useTemplates().data?.[m.type];
  const [sections, setSections] = useState(m.sections);
  const [minutes, setMinutes] = useState(m.minutes ?? '');
  const [votes, setVotes] = useState<Row[]>(keyed(m.votes));
  useEffect(() => {
    setSections(m.sections);
    setMinutes(m.minutes ?? '');
    setVotes(keyed(m.votes));
  }, [m.sections, m.minutes, m.votes]);
  const { patch } = useMeetingActions(m.id);
  const { message } = App.useApp();
  const save = async () => {
    try {
      await patch.mutateAsync({
        sections,
        minutes,
        version: m.version,
        ...(m.voting ? { votes: votes.map(({ passed: _p, k: _k, ...v }) => v) } : {}),
      });
      message.success('记录已保存');
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Card
      size="small"
      title="会议记录"
      extra={
        m.canEdit && (
          <Button type="primary" onClick={save} loading={patch.isPending}>
            保存记录
          </Button>
        )
      }
    >
      <Form layout="vertical">
        {tpl?.sections.map((s) => (
          <Form.Item key={s.key} label={s.label} required={s.required} extra={s.hint}>
            <Input.TextArea
              aria-label={s.label}
              rows={3}
              disabled={!m.canEdit}
              value={sections[s.key] ?? ''}
              onChange={(e) => setSections({ ...sections, [s.key]: e.target.value })}
            />
          </Form.Item>
        ))}
        <Form.Item label="会议纪要（其他情况）">
          <Input.TextArea
            aria-label="会议纪要"
            rows={3}
            disabled={!m.canEdit}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </Form.Item>
        {m.voting && (
          <Form.Item
            label={`表决（有表决权的正式党员应到 ${m.quorum.entitled} 人，实到 ${m.quorum.present} 人，需 ${m.quorum.required} 人）`}
          >
            {!m.quorum.met && <Tag color="red">未过半数，不能表决</Tag>}
            {votes.map((v, i) => (
              <Space key={v.k} wrap style={{ marginBottom: 8 }}>
                <Input
                  aria-label="表决事项"
                  placeholder="表决事项"
                  value={v.motion}
                  onChange={(e) => setVotes(votes.map((x, n) => (n === i ? { ...x, motion: e.target.value } : x)))}
                />
                {(['votesFor', 'votesAgainst', 'abstain'] as const).map((k) => (
                  <InputNumber
                    key={k}
                    min={0}
                    addonBefore={{ votesFor: '赞成', votesAgainst: '反对', abstain: '弃权' }[k]}
                    value={v[k]}
                    onChange={(n) => setVotes(votes.map((x, j) => (j === i ? { ...x, [k]: n ?? 0 } : x)))}
                  />
                ))}
                {v.passed !== undefined && <Tag color={v.passed ? 'green' : 'default'}>{v.passed ? '通过' : '未通过'}</Tag>}
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label="删除表决事项"
                  onClick={() => setVotes(votes.filter((_, n) => n !== i))}
                />
              </Space>
            ))}
            {m.canEdit && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => setVotes([...votes, { motion: '', votesFor: 0, votesAgainst: 0, abstain: 0, k: crypto.randomUUID() }])}
              >
                添加表决事项
              </Button>
            )}
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}
