import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { PlanView } from '../../../../../common/study.ts';
import {
  STUDY_FORM_LABELS,
  STUDY_FORMS,
  STUDY_THEME_LABELS,
  STUDY_THEMES,
  type StudyForm,
  type StudyTheme,
} from '../../../../../common/study-labels.ts';
import { ApiError, api } from '../../../lib/api.ts';
import { useGet, useOrgYear } from '../api.ts';
import { OrgYearBar } from '../components/org-year-bar.tsx';

type View = PlanView;
type Item = View['items'][number];
const QN = '一二三四';
const STATUS = { done: <Tag color="green">已完成</Tag>, missed: <Tag color="red">未完成</Tag>, upcoming: <Tag>待开展</Tag> };

/** 学习计划: the org's annual/quarterly plan, items pushed from above, and plan vs actual by month. */
export default function PlansPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const f = useOrgYear();
  const [adding, setAdding] = useState<string | null>(null);
  const [period, setPeriod] = useState(0);
  const [form] = Form.useForm();
  const view = useGet<View>([f.orgId, f.year], '/api/study/plans', { orgId: f.orgId, year: f.year }, !!f.orgId);
  const refresh = () => qc.invalidateQueries({ queryKey: ['/api/study/plans'] });
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '操作失败');
  const create = useMutation({
    mutationFn: () =>
      api('/api/study/plans', {
        method: 'POST',
        body: {
          orgId: f.orgId,
          year: f.year,
          quarter: period || null,
          title: period ? `${f.year}年第${QN[period - 1]}季度学习计划` : `${f.year}年度理论学习计划`,
        },
      }),
    onSuccess: refresh,
    onError: fail,
  });
  const add = useMutation({
    mutationFn: (v: Record<string, unknown>) => api(`/api/study/plans/${adding}/items`, { method: 'POST', body: v }),
    onSuccess: () => {
      setAdding(null);
      form.resetFields();
      refresh();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/study/plan-items/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
    onError: fail,
  });
  const s = view.data?.summary;
  const plan = view.data?.plans.find((p) => (p.quarter ?? 0) === period);
  const items = view.data?.items.filter((i) => !period || Math.ceil(i.month / 3) === period);
  return (
    <Card
      title={`学习计划${s ? `（计划 ${s.planned} 项，完成 ${s.done} 项，逾期未完成 ${s.missed} 项）` : ''}`}
      extra={
        <Space>
          <OrgYearBar {...f} />
          <Select
            aria-label="计划期间"
            style={{ width: 120 }}
            value={period}
            onChange={setPeriod}
            options={[{ value: 0, label: '全年' }, ...[1, 2, 3, 4].map((q) => ({ value: q, label: `第${QN[q - 1]}季度` }))]}
          />
          {plan ? (
            <Button
              type="primary"
              onClick={() => {
                form.setFieldsValue({ month: 1, form: 'centralized_training', theme: 'twentieth_congress', pushed: false });
                setAdding(plan.id);
              }}
            >
              新增计划事项
            </Button>
          ) : (
            <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>
              {period ? `制定第${QN[period - 1]}季度计划` : `制定 ${f.year} 年度计划`}
            </Button>
          )}
        </Space>
      }
    >
      <Table
        size="small"
        rowKey="id"
        loading={view.isFetching}
        dataSource={items}
        pagination={false}
        columns={[
          { title: '月份', dataIndex: 'month', width: 70, render: (m: number) => `${m} 月` },
          { title: '学习内容', dataIndex: 'title' },
          { title: '专题', dataIndex: 'theme', width: 150, render: (t: StudyTheme) => STUDY_THEME_LABELS[t] },
          { title: '形式', dataIndex: 'form', width: 140, render: (k: StudyForm) => STUDY_FORM_LABELS[k] },
          { title: '责任人', dataIndex: 'responsible', width: 100 },
          {
            title: '来源',
            width: 180,
            render: (_, i) => (i.inherited ? <Tag color="blue">上级下达：{i.fromOrg}</Tag> : i.pushed ? '本级（已下达）' : '本级'),
          },
          { title: '开展次数', dataIndex: 'actual', width: 90 },
          { title: '完成情况', dataIndex: 'status', width: 100, render: (v: Item['status']) => STATUS[v] },
          {
            title: '',
            width: 70,
            render: (_, i) =>
              !i.inherited && (
                <Button size="small" onClick={() => remove.mutate(i.id)}>
                  删除
                </Button>
              ),
          },
        ]}
      />
      <Modal
        title="新增计划事项"
        open={!!adding}
        onCancel={() => setAdding(null)}
        onOk={() => form.submit()}
        confirmLoading={add.isPending}
      >
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="title" label="学习内容" rules={[{ required: true, min: 2, message: '请填写学习内容' }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Space>
            <Form.Item name="month" label="月份" rules={[{ required: true }]}>
              <InputNumber min={1} max={12} />
            </Form.Item>
            <Form.Item name="form" label="形式">
              <Select style={{ width: 170 }} options={STUDY_FORMS.map((k) => ({ value: k, label: STUDY_FORM_LABELS[k] }))} />
            </Form.Item>
            <Form.Item name="theme" label="专题">
              <Select style={{ width: 190 }} options={STUDY_THEMES.map((t) => ({ value: t, label: STUDY_THEME_LABELS[t] }))} />
            </Form.Item>
          </Space>
          <Form.Item name="responsible" label="责任人">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="pushed" label="下达到全部下级组织" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
