import { Alert, App, Button, Card, Col, Form, InputNumber, Row, Skeleton } from 'antd';
import { useEffect } from 'react';
import { type SecurityPolicy, SecurityPolicySchema } from '../../../../../common/security-policy.ts';
import { zodRule } from '../../../lib/zod-form.ts';
import { useSecurityPolicy } from '../api.ts';

const FIELDS = Object.keys(SecurityPolicySchema.shape) as (keyof SecurityPolicy)[];

/** 安全策略 (sec_admin): password, lockout, session and audit-retention figures, each bounded by the 等保 limits. */
export default function SecurityPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<SecurityPolicy>();
  const { query, save } = useSecurityPolicy();
  useEffect(() => {
    if (query.data) form.setFieldsValue(query.data.policy);
  }, [query.data, form]);

  if (!query.data) return <Card title="安全策略">{query.isPending ? <Skeleton active /> : null}</Card>;
  const labels = query.data.labels;
  const onFinish = async (v: SecurityPolicy) => {
    await save.mutateAsync(v);
    message.success('安全策略已保存');
  };
  return (
    <Card title="安全策略">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="各项取值受等级保护（三级）要求约束：例如口令至少 8 位、有效期不超过 90 天、连续失败不超过 5 次锁定、审计日志至少保存 184 天。修改立即生效。"
      />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Row gutter={16}>
          {FIELDS.map((k) => (
            <Col key={k} xs={24} sm={12} lg={8}>
              <Form.Item
                label={labels[k] ?? k}
                name={k}
                rules={[{ required: true, message: `请填写${labels[k] ?? k}` }, zodRule(SecurityPolicySchema.shape[k])]}
              >
                <InputNumber style={{ width: '100%' }} precision={0} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
