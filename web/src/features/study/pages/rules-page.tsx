import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Space, Switch, Table } from 'antd';
import { useEffect } from 'react';
import type { StudyRules } from '../../../../../common/study.ts';
import { STUDY_FORMS } from '../../../../../common/study-labels.ts';
import { ApiError, api } from '../../../lib/api.ts';
import { useMe } from '../../../lib/auth.ts';
import { useGet } from '../api.ts';

type Rules = StudyRules;

/** 学时规则: the yearly requirements and, per form, whether it counts, the rate, the yearly cap and the minimum minutes. */
export default function RulesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canEdit = useMe().data?.permissions.includes('study:manage');
  const rules = useGet<Rules>([], '/api/study/rules');
  const [form] = Form.useForm();
  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);
  const save = useMutation({
    mutationFn: (v: Rules) => {
      const forms = Object.fromEntries(
        STUDY_FORMS.map((k) => [
          k,
          { counts: v.forms[k].counts, rate: v.forms[k].rate, capHours: v.forms[k].capHours ?? null, minMinutes: v.forms[k].minMinutes },
        ]),
      );
      return api('/api/study/rules', { method: 'PUT', body: { memberHours: v.memberHours, leaderHours: v.leaderHours, forms } });
    },
    onSuccess: () => {
      message.success('学时规则已保存，统计即时按新规则计算');
      qc.invalidateQueries();
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : '保存失败'),
  });
  return (
    <Card
      title="学时规则"
      extra={
        canEdit && (
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
            保存
          </Button>
        )
      }
    >
      <Form form={form} onFinish={(v) => save.mutate(v)} disabled={!canEdit}>
        <Space size="large" wrap>
          <Form.Item name="memberHours" label="党员每年不少于（学时）">
            <InputNumber min={0} max={500} />
          </Form.Item>
          <Form.Item name="leaderHours" label="书记、委员每年不少于（学时）">
            <InputNumber min={0} max={500} />
          </Form.Item>
          <span>书记、委员每年至少参加集中培训 {rules.data?.leaderMinCentralized ?? 1} 次</span>
        </Space>
        <Table
          size="small"
          rowKey={(k) => k}
          pagination={false}
          dataSource={[...STUDY_FORMS]}
          columns={[
            { title: '学习形式', render: (_, k) => rules.data?.forms[k]?.name },
            {
              title: '计入学时',
              render: (_, k) => (
                <Form.Item noStyle name={['forms', k, 'counts']} valuePropName="checked">
                  <Switch />
                </Form.Item>
              ),
            },
            {
              title: '折算比例',
              render: (_, k) => (
                <Form.Item noStyle name={['forms', k, 'rate']}>
                  <InputNumber min={0} max={5} step={0.1} />
                </Form.Item>
              ),
            },
            {
              title: '每年上限（学时，空为不限）',
              render: (_, k) => (
                <Form.Item noStyle name={['forms', k, 'capHours']}>
                  <InputNumber min={0} max={200} />
                </Form.Item>
              ),
            },
            {
              title: '最短计入时长（分钟）',
              render: (_, k) => (
                <Form.Item noStyle name={['forms', k, 'minMinutes']}>
                  <InputNumber min={0} max={600} />
                </Form.Item>
              ),
            },
          ]}
        />
        <p style={{ marginTop: 12, color: '#666' }}>全天培训按 8 学时、半天按 4 学时计，其余按实际时长计；学时按自然年统计，不结转。</p>
      </Form>
    </Card>
  );
}
