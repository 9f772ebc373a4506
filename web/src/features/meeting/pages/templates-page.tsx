import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Input, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { MEETING_TYPE_LABELS, MEETING_TYPES, type MeetingType, type TemplateSectionT } from '../../../../../common/meeting.ts';
import { useCan } from '../../../lib/access.ts';
import { api } from '../../../lib/api.ts';
import { useDownload } from '../../../lib/use-download.ts';
import { useTemplates } from '../api.ts';

type Row = TemplateSectionT & { k: string };

/** 记录模板: each meeting type's sections and which are required (SASAC staff edit), and the blank Word template. */
export default function TemplatesPage() {
  const can = useCan();
  const edit = can('meeting:config');
  const [type, setType] = useState<MeetingType>('branch_committee');
  const tpls = useTemplates();
  const [rows, setRows] = useState<Row[]>([]);
  useEffect(() => setRows((tpls.data?.[type].sections ?? []).map((s) => ({ ...s, k: s.key }))), [tpls.data, type]);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const dl = useDownload();
  const save = useMutation({
    mutationFn: () => api(`/api/meeting-templates/${type}`, { method: 'PUT', body: { sections: rows.map(({ k: _k, ...s }) => s) } }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['meeting-templates'] });
      message.success('模板已保存，新提交的记录按新模板检查');
    },
    onError: (e: Error) => message.error(e.message),
  });
  const set = (k: string, patch: Partial<TemplateSectionT>) => setRows(rows.map((r) => (r.k === k ? { ...r, ...patch } : r)));
  return (
    <Card
      title="会议记录模板"
      extra={
        <Space>
          <Select
            aria-label="会议类型"
            style={{ width: 200 }}
            value={type}
            onChange={setType}
            options={MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }))}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={dl.busy === type}
            onClick={() => dl.run(type, `/api/meeting-templates/${type}/docx`)}
          >
            下载空白模板
          </Button>
          {edit && (
            <Button type="primary" onClick={() => save.mutate()} loading={save.isPending}>
              保存模板
            </Button>
          )}
        </Space>
      }
    >
      <Table<Row>
        rowKey="k"
        pagination={false}
        loading={tpls.isFetching}
        dataSource={rows}
        columns={[
          {
            title: '标识',
            dataIndex: 'key',
            render: (v: string, r) => (
              <Input aria-label="栏目标识" disabled={!edit} value={v} onChange={(e) => set(r.k, { key: e.target.value })} />
            ),
          },
          {
            title: '栏目名称',
            dataIndex: 'label',
            render: (v: string, r) => (
              <Input aria-label="栏目名称" disabled={!edit} value={v} onChange={(e) => set(r.k, { label: e.target.value })} />
            ),
          },
          {
            title: '填写提示',
            dataIndex: 'hint',
            render: (v: string | undefined, r) => (
              <Input
                aria-label="填写提示"
                disabled={!edit}
                value={v ?? ''}
                onChange={(e) => set(r.k, { hint: e.target.value || undefined })}
              />
            ),
          },
          {
            title: '必填',
            dataIndex: 'required',
            render: (v: boolean, r) => (
              <Checkbox aria-label="必填" disabled={!edit} checked={v} onChange={(e) => set(r.k, { required: e.target.checked })} />
            ),
          },
          {
            title: '',
            key: 'del',
            render: (_, r) =>
              edit && (
                <Button
                  type="text"
                  aria-label="删除栏目"
                  icon={<DeleteOutlined />}
                  onClick={() => setRows(rows.filter((x) => x.k !== r.k))}
                />
              ),
          },
        ]}
      />
      {edit && (
        <Button
          style={{ marginTop: 12 }}
          icon={<PlusOutlined />}
          onClick={() => setRows([...rows, { key: 'new_section', label: '新栏目', required: false, k: crypto.randomUUID() }])}
        >
          添加栏目
        </Button>
      )}
    </Card>
  );
}
