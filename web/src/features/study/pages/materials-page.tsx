import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Topic } from '../../../../../common/meeting.ts';
import type { MaterialListRow } from '../../../../../common/study.ts';
import { STUDY_THEME_LABELS, STUDY_THEMES, type StudyTheme } from '../../../../../common/study-labels.ts';
import { Attachments } from '../../../components/attachments.tsx';
import { OrgSelect } from '../../../components/org-select.tsx';
import { ApiError, api } from '../../../lib/api.ts';
import { useGet, useOrgYear } from '../api.ts';
import { OrgYearBar } from '../components/org-year-bar.tsx';

type Material = MaterialListRow;
const themeOptions = STUDY_THEMES.map((t) => ({ value: t, label: STUDY_THEME_LABELS[t] }));
/** Paragraphs typed in the box become <p>; HTML pasted from an editor is kept and sanitised by the server. */
const toHtml = (text: string) =>
  /<\w+[^>]*>/.test(text)
    ? text
    : text
        .split(/\n+/)
        .filter(Boolean)
        .map((p) => `<p>${p.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c)}</p>`)
        .join('');

/** 学习资料: publish to the subtree of an org by theme, with links; a 第一议题 becomes material with one click. */
export default function MaterialsPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const f = useOrgYear();
  const [open, setOpen] = useState(false);
  const [filesOf, setFilesOf] = useState<Material | null>(null);
  const [form] = Form.useForm();
  const list = useGet<Material[]>([f.orgId], '/api/study/materials', { orgId: f.orgId }, !!f.orgId);
  const topics = useGet<Topic[]>([f.year], '/api/first-topics', { year: f.year });
  const refresh = () => qc.invalidateQueries({ queryKey: ['/api/study/materials'] });
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败');
  const publish = useMutation({
    mutationFn: (v: { orgId: string; title: string; theme: string; body: string; maxCreditMinutes: number; links?: string }) =>
      api('/api/study/materials', {
        method: 'POST',
        body: {
          orgId: v.orgId,
          title: v.title,
          theme: v.theme,
          bodyHtml: toHtml(v.body ?? ''),
          maxCreditMinutes: v.maxCreditMinutes,
          links: (v.links ?? '')
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .map((l) => {
              const [title, url] = l.includes(' ') ? [l.slice(0, l.lastIndexOf(' ')), l.slice(l.lastIndexOf(' ') + 1)] : [l, l];
              return { title, url };
            }),
        },
      }),
    onSuccess: () => {
      message.success('已发布，下级党员可在指尖课堂学习');
      setOpen(false);
      form.resetFields();
      refresh();
    },
    onError: fail,
  });
  const fromTopic = useMutation({
    mutationFn: (topicId: string) => api('/api/study/materials/from-topic', { method: 'POST', body: { topicId } }),
    onSuccess: () => {
      message.success('第一议题已发布为学习资料');
      refresh();
    },
    onError: fail,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api(`/api/study/materials/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: fail,
  });
  const used = new Set(list.data?.map((m) => m.topicId));
  return (
    <Card
      title="学习资料"
      extra={
        <Space wrap>
          <OrgYearBar {...f} />
          <Select
            style={{ width: 260 }}
            placeholder="第一议题一键发布为资料"
            aria-label="第一议题一键发布"
            value={null}
            options={topics.data?.filter((t) => !used.has(t.id)).map((t) => ({ value: t.id, label: `${t.publishedOn} ${t.title}` }))}
            onChange={(id: string) => fromTopic.mutate(id)}
          />
          <Button
            type="primary"
            onClick={() => {
              form.setFieldsValue({ orgId: f.orgId, maxCreditMinutes: 30 });
              setOpen(true);
            }}
          >
            发布资料
          </Button>
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data}
        columns={[
          { title: '标题', dataIndex: 'title' },
          { title: '专题', dataIndex: 'theme', width: 160, render: (t: StudyTheme) => <Tag>{STUDY_THEME_LABELS[t]}</Tag> },
          { title: '发布组织', dataIndex: 'orgName', width: 220 },
          { title: '发布时间', dataIndex: 'publishedAt', width: 120, render: (v: string) => v.slice(0, 10) },
          { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => (s === 'published' ? '已发布' : <Tag>已撤回</Tag>) },
          {
            title: '附件',
            width: 70,
            render: (_, m) => (
              <Button size="small" onClick={() => setFilesOf(m)}>
                附件
              </Button>
            ),
          },
          {
            title: '操作',
            width: 90,
            render: (_, m) =>
              m.status === 'published' && (
                <Popconfirm title="撤回后党员不再看到该资料，已计学时保留" onConfirm={() => withdraw.mutate(m.id)}>
                  <Button size="small">撤回</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <Drawer
        title="发布学习资料"
        width={560}
        open={open}
        onClose={() => setOpen(false)}
        extra={
          <Button type="primary" loading={publish.isPending} onClick={() => form.submit()}>
            发布
          </Button>
        }
      >
        <Form form={form} layout="vertical" onFinish={(v) => publish.mutate(v)}>
          <Form.Item name="orgId" label="面向组织（含全部下级）" rules={[{ required: true, message: '请选择组织' }]}>
            <OrgSelect />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, message: '请填写资料标题' }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="theme" label="学习专题" rules={[{ required: true, message: '请选择学习专题' }]}>
            <Select options={themeOptions} />
          </Form.Item>
          <Form.Item name="body" label="正文（段落换行；可粘贴带格式的内容，脚本等不安全内容会被自动去除）">
            <Input.TextArea rows={10} />
          </Form.Item>
          <Form.Item name="links" label="链接（每行一个：标题 空格 https 地址）">
            <Input.TextArea rows={3} placeholder="共产党员网 https://www.12371.cn/" />
          </Form.Item>
          <Form.Item name="maxCreditMinutes" label="线上学习最多计入（分钟）">
            <InputNumber min={1} max={600} />
          </Form.Item>
        </Form>
      </Drawer>
      <Modal title={`附件（PDF、Word 等）：${filesOf?.title ?? ''}`} open={!!filesOf} onCancel={() => setFilesOf(null)} footer={null}>
        {filesOf && <Attachments owner={{ ownerType: 'study_material', ownerId: filesOf.id, orgId: filesOf.orgId }} />}
      </Modal>
    </Card>
  );
}
