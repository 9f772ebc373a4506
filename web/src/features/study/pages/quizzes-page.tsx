import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Question, Quiz, QuizResults } from '../../../../../common/study.ts';
import {
  QUESTION_KIND_LABELS,
  QUESTION_KINDS,
  type QuestionKind,
  STUDY_THEME_LABELS,
  STUDY_THEMES,
  type StudyTheme,
} from '../../../../../common/study-labels.ts';
import { ApiError, api } from '../../../lib/api.ts';
import { useGet, useOrgYear } from '../api.ts';
import { OrgYearBar } from '../components/org-year-bar.tsx';

type Results = QuizResults;
const letter = (i: number) => String.fromCharCode(65 + i);

/** 题库与测试: questions with tags, quizzes built from them with a time limit, and results per member, org and question. */
export default function QuizzesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const f = useOrgYear();
  const [qOpen, setQOpen] = useState(false);
  const [zOpen, setZOpen] = useState(false);
  const [resultsOf, setResultsOf] = useState<string | null>(null);
  const [qForm] = Form.useForm();
  const [zForm] = Form.useForm();
  const questions = useGet<Question[]>([f.orgId], '/api/study/questions', { orgId: f.orgId }, !!f.orgId);
  const quizzes = useGet<Quiz[]>([f.orgId], '/api/study/quizzes', { orgId: f.orgId }, !!f.orgId);
  const results = useGet<Results>([resultsOf], `/api/study/quizzes/${resultsOf}/results`, undefined, !!resultsOf);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : '保存失败');
  const addQ = useMutation({
    mutationFn: (v: { kind: QuestionKind; stem: string; options?: string; answer: string; tags?: StudyTheme[]; explanation?: string }) => {
      const options =
        v.kind === 'judge'
          ? ['正确', '错误']
          : (v.options ?? '')
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean);
      const answer = v.answer
        .toUpperCase()
        .replace(/[^A-H]/g, '')
        .split('')
        .map((c) => c.charCodeAt(0) - 65);
      return api('/api/study/questions', {
        method: 'POST',
        body: { orgId: f.orgId, kind: v.kind, stem: v.stem, options, answer, tags: v.tags ?? [], explanation: v.explanation },
      });
    },
    onSuccess: () => {
      setQOpen(false);
      qForm.resetFields();
      qc.invalidateQueries({ queryKey: ['/api/study/questions'] });
    },
    onError: fail,
  });
  const addZ = useMutation({
    mutationFn: (v: { title: string; timeLimitMinutes: number; questionIds: string[]; range: [dayjs.Dayjs, dayjs.Dayjs] }) =>
      api('/api/study/quizzes', {
        method: 'POST',
        body: {
          orgId: f.orgId,
          title: v.title,
          timeLimitMinutes: v.timeLimitMinutes,
          questionIds: v.questionIds,
          opensAt: v.range[0].format(),
          closesAt: v.range[1].format(),
        },
      }),
    onSuccess: () => {
      message.success('测试已发布，党员可在指尖课堂答题');
      setZOpen(false);
      zForm.resetFields();
      qc.invalidateQueries({ queryKey: ['/api/study/quizzes'] });
    },
    onError: fail,
  });
  return (
    <Card title="题库与测试" extra={<OrgYearBar {...f} />}>
      <Tabs
        items={[
          {
            key: 'quizzes',
            label: '测试',
            children: (
              <>
                <Button
                  type="primary"
                  onClick={() => {
                    zForm.setFieldsValue({ timeLimitMinutes: 20, range: [dayjs(), dayjs().add(14, 'day')] });
                    setZOpen(true);
                  }}
                >
                  发布测试
                </Button>
                <Table
                  size="small"
                  rowKey="id"
                  loading={quizzes.isFetching}
                  dataSource={quizzes.data}
                  columns={[
                    { title: '测试', dataIndex: 'title' },
                    { title: '发布组织', dataIndex: 'orgName', width: 200 },
                    { title: '题数', dataIndex: 'questionCount', width: 70 },
                    { title: '时限', dataIndex: 'timeLimitMinutes', width: 80, render: (v: number) => `${v} 分钟` },
                    { title: '开放时间', width: 220, render: (_, z) => `${z.opensAt.slice(0, 10)} 至 ${z.closesAt.slice(0, 10)}` },
                    { title: '已交卷', dataIndex: 'attempts', width: 80 },
                    {
                      title: '',
                      width: 90,
                      render: (_, z) => (
                        <Button size="small" onClick={() => setResultsOf(z.id)}>
                          查看结果
                        </Button>
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
          {
            key: 'bank',
            label: '题库',
            children: (
              <>
                <Button
                  type="primary"
                  onClick={() => {
                    qForm.setFieldsValue({ kind: 'single' });
                    setQOpen(true);
                  }}
                >
                  新增题目
                </Button>
                <Table
                  size="small"
                  rowKey="id"
                  loading={questions.isFetching}
                  dataSource={questions.data}
                  columns={[
                    { title: '题型', dataIndex: 'kind', width: 80, render: (k: QuestionKind) => QUESTION_KIND_LABELS[k] },
                    { title: '题干', dataIndex: 'stem' },
                    { title: '答案', width: 80, render: (_, q) => q.answer.map(letter).join('') },
                    {
                      title: '专题',
                      dataIndex: 'tags',
                      width: 220,
                      render: (t: StudyTheme[]) => t.map((x) => <Tag key={x}>{STUDY_THEME_LABELS[x]}</Tag>),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
      <Modal title="新增题目" open={qOpen} onCancel={() => setQOpen(false)} onOk={() => qForm.submit()} confirmLoading={addQ.isPending}>
        <Form form={qForm} layout="vertical" onFinish={(v) => addQ.mutate(v)}>
          <Form.Item name="kind" label="题型">
            <Select options={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="stem" label="题干" rules={[{ required: true, min: 4, message: '请填写题干' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="options" label="选项（每行一个；判断题不用填）">
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item
            name="answer"
            label="正确答案（字母，多选如 ACD；判断题 A=正确 B=错误）"
            rules={[{ required: true, message: '请填写正确答案' }]}
          >
            <Input maxLength={8} />
          </Form.Item>
          <Form.Item name="tags" label="专题">
            <Select mode="multiple" options={STUDY_THEMES.map((t) => ({ value: t, label: STUDY_THEME_LABELS[t] }))} />
          </Form.Item>
          <Form.Item name="explanation" label="解析">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        title="发布测试"
        open={zOpen}
        onCancel={() => setZOpen(false)}
        onOk={() => zForm.submit()}
        confirmLoading={addZ.isPending}
        width={640}
      >
        <Form form={zForm} layout="vertical" onFinish={(v) => addZ.mutate(v)}>
          <Form.Item name="title" label="测试名称" rules={[{ required: true, min: 2, message: '请填写测试名称' }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Space>
            <Form.Item name="timeLimitMinutes" label="答题时限（分钟）">
              <InputNumber min={1} max={180} />
            </Form.Item>
            <Form.Item name="range" label="开放时间" rules={[{ required: true }]}>
              <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
            </Form.Item>
          </Space>
          <Form.Item name="questionIds" label="题目" rules={[{ required: true, message: '请至少选择一道题' }]}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={questions.data?.map((q) => ({ value: q.id, label: `[${QUESTION_KIND_LABELS[q.kind]}] ${q.stem}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Modal title="测试结果" open={!!resultsOf} onCancel={() => setResultsOf(null)} footer={null} width={800}>
        <Table
          size="small"
          rowKey="orgId"
          pagination={false}
          dataSource={results.data?.orgs}
          columns={[
            { title: '组织', dataIndex: 'name' },
            { title: '交卷', dataIndex: 'handedIn' },
            { title: '合格', dataIndex: 'passed' },
            { title: '平均分', dataIndex: 'average' },
          ]}
        />
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={results.data?.questions}
          columns={[
            { title: '易错题', dataIndex: 'stem' },
            { title: '错误率', dataIndex: 'wrongRate', width: 90, render: (v: number) => `${v}%` },
          ]}
        />
        <Table
          size="small"
          rowKey="memberId"
          dataSource={results.data?.members}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '组织', dataIndex: 'orgName' },
            { title: '得分', dataIndex: 'score' },
            { title: '交卷时间', dataIndex: 'submittedAt', render: (v: string) => dayjs(v).format('MM-DD HH:mm') },
          ]}
        />
      </Modal>
    </Card>
  );
}
