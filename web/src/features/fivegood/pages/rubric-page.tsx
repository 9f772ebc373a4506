import { App, Button, Card, Input, List, Space, Tag, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { RubricContent } from '../../../../../common/fivegood.ts';
import { useCan } from '../../../lib/access.ts';
import { useDownload } from '../../../lib/use-download.ts';
import { useFivegoodMutations, useRubrics } from '../api.ts';
import { RubricEditor } from '../components/rubric-editor.tsx';

const toBase64 = async (f: File) => {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** 标准管理: rubric versions (a campaign keeps its version), an editor that saves a new version, YAML/Excel in and out. */
export default function RubricPage() {
  const can = useCan();
  const manage = can('fivegood:manage');
  const { message } = App.useApp();
  const { data = [] } = useRubrics();
  const mut = useFivegoodMutations();
  const dl = useDownload();
  const [selected, setSelected] = useState<string | undefined>();
  const [draft, setDraft] = useState<RubricContent | null>(null);
  const [note, setNote] = useState('');
  const current = data.find((r) => r.id === selected) ?? data[0];
  useEffect(() => {
    if (current) setDraft(structuredClone(current.content));
  }, [current]);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      message.success(ok);
      setNote('');
      setSelected(undefined);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const importFile = async (f: File) => {
    const xlsx = f.name.toLowerCase().endsWith('.xlsx');
    const data = xlsx ? await toBase64(f) : await f.text();
    await act(
      () => mut.importRubric.mutateAsync({ format: xlsx ? 'xlsx' : 'yaml', data, baseId: current?.id, note: note || `导入 ${f.name}` }),
      '已导入为新版本',
    );
  };
  return (
    <Space align="start" style={{ width: '100%' }} styles={{ item: { minWidth: 0 } }}>
      <Card title="版本" style={{ width: 260 }}>
        <List
          dataSource={data}
          renderItem={(r) => (
            <List.Item
              style={{ cursor: 'pointer', background: r.id === current?.id ? '#fff1f0' : undefined }}
              onClick={() => setSelected(r.id)}
            >
              <Space direction="vertical" size={0}>
                <b>第{r.version}版</b>
                <span>{r.note}</span>
                {r.usedBy.map((c) => (
                  <Tag key={c.id}>{c.year}年度在用</Tag>
                ))}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card
        title={current ? `第${current.version}版 评分细则` : '评分细则'}
        style={{ flex: 1 }}
        extra={
          current && (
            <Space>
              <Button onClick={() => dl.run('y', `/api/fivegood/rubrics/${current.id}/export`, { format: 'yaml' })}>导出 YAML</Button>
              <Button onClick={() => dl.run('x', `/api/fivegood/rubrics/${current.id}/export`, { format: 'xlsx' })}>导出 Excel</Button>
              {manage && (
                <Upload
                  accept=".yaml,.yml,.xlsx"
                  showUploadList={false}
                  beforeUpload={(f) => {
                    importFile(f);
                    return false;
                  }}
                >
                  <Button>导入 YAML/Excel</Button>
                </Upload>
              )}
            </Space>
          )
        }
      >
        {draft && (manage ? <RubricEditor value={draft} onChange={setDraft} /> : <RubricEditor value={draft} onChange={() => undefined} />)}
        {manage && draft && (
          <Space style={{ marginTop: 16 }}>
            <Input
              aria-label="修改说明"
              style={{ width: 360 }}
              placeholder="修改说明（必填）"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button
              type="primary"
              disabled={note.trim().length < 2}
              onClick={() => act(() => mut.saveRubric.mutateAsync({ content: draft, note }), '已保存为新版本；进行中的活动仍使用原版本')}
            >
              保存为新版本
            </Button>
          </Space>
        )}
      </Card>
    </Space>
  );
}
