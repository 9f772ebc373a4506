import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { MeetingPageT } from '../../../../../common/meeting.ts';
import type { MemberPage } from '../../../../../common/member.ts';
import type { StudyRecord } from '../../../../../common/study.ts';
import { RECORDED_FORMS, STUDY_FORM_LABELS, STUDY_THEME_LABELS, STUDY_THEMES, type StudyForm } from '../../../../../common/study-labels.ts';
import { ApiError, api } from '../../../lib/api.ts';
import { useGet, useOrgYear } from '../api.ts';
import { OrgYearBar } from '../components/org-year-bar.tsx';

type Row = StudyRecord;

/** 学习记录: 集中学习, 中心组, 会议学习 and 班组课堂 of the subtree; record one with attendees from the roster. */
export default function RecordsPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const f = useOrgYear();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const list = useGet<Row[]>([f.orgId, f.year], '/api/study/records', { orgId: f.orgId, year: f.year }, !!f.orgId);
  const held = useGet<MeetingPageT>([f.orgId, 'meetings'], '/api/meetings', { orgId: f.orgId, page: 1, pageSize: 100 }, open && !!f.orgId);
  const roster = useGet<MemberPage>([f.orgId], '/api/members', { orgId: f.orgId, page: 1, pageSize: 100 }, open && !!f.orgId);
  const save = useMutation({
    mutationFn: (v: Record<string, unknown> & { day: dayjs.Dayjs }) => {
      const { day, ...rest } = v;
      return api('/api/study/records', {
        method: 'POST',
        body: { ...rest, orgId: f.orgId, occurredOn: day.format('YYYY-MM-DD'), attendeeIds: rest.attendeeIds ?? [] },
      });
    },
    onSuccess: () => {
      message.success('已登记，参加人员的学时已更新');
      setOpen(false);
      form.resetFields();
      qc.invalidateQueries({ queryKey: ['/api/study/records'] });
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : '保存失败'),
  });
  return (
    <Card
      title="学习记录"
      extra={
        <Space>
          <OrgYearBar {...f} />
          <Button
            type="primary"
            onClick={() => {
              form.setFieldsValue({ form: 'centralized_training', theme: 'other', minutes: 120, day: dayjs() });
              setOpen(true);
            }}
          >
            登记学习
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
          { title: '日期', dataIndex: 'occurredOn', width: 110 },
          { title: '形式', dataIndex: 'form', width: 150, render: (v: StudyForm) => <Tag>{STUDY_FORM_LABELS[v]}</Tag> },
          { title: '主题', dataIndex: 'title' },
          { title: '组织', dataIndex: 'orgName', width: 200 },
          {
            title: '时长',
            width: 90,
            render: (_, r) => (r.span === 'full_day' ? '全天' : r.span === 'half_day' ? '半天' : `${r.minutes} 分钟`),
          },
          { title: '人数', dataIndex: 'attendees', width: 70 },
        ]}
      />
      <Modal
        title="登记学习"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        width={560}
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item name="form" label="学习形式" rules={[{ required: true }]}>
            <Select options={RECORDED_FORMS.map((k) => ({ value: k, label: STUDY_FORM_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="title" label="学习主题" rules={[{ required: true, min: 2, message: '请填写学习主题' }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="theme" label="学习专题">
            <Select options={STUDY_THEMES.map((t) => ({ value: t, label: STUDY_THEME_LABELS[t] }))} />
          </Form.Item>
          <Space>
            <Form.Item name="day" label="日期" rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="minutes" label="时长（分钟）" rules={[{ required: true }]}>
              <InputNumber min={1} max={1440} />
            </Form.Item>
            <Form.Item name="span" label="按天计">
              <Select
                allowClear
                style={{ width: 100 }}
                options={[
                  { value: 'full_day', label: '全天' },
                  { value: 'half_day', label: '半天' },
                ]}
              />
            </Form.Item>
          </Space>
          <Form.Item name="lecturer" label="主讲人">
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="meetingId" label="关联会议（不选参加党员时，按会议出席人员计入）">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={held.data?.items
                .filter((m) => m.orgId === f.orgId)
                .map((m) => ({ value: m.id, label: `${m.startsAt.slice(0, 10)} ${m.title}` }))}
            />
          </Form.Item>
          <Form.Item name="attendeeIds" label="参加党员">
            <Select
              mode="multiple"
              optionFilterProp="label"
              loading={roster.isFetching}
              options={roster.data?.items.map((m) => ({ value: m.id, label: m.name }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
