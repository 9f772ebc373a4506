import { App, Button, Checkbox, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { type Assessment, useFivegoodMutations } from '../api.ts';
import type { Adjust } from './indicator-table.tsx';
import { ReasonButton } from './reason-button.tsx';

/** 企业党委考评: site visit, talks, satisfaction, veto findings; save, return to the branch or forward with a proposed grade. */
export function ReviewPanel({ a, adjust }: { a: Assessment; adjust: Adjust }) {
  const { message } = App.useApp();
  const mut = useFivegoodMutations();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    const adjustments = Object.entries(adjust)
      .filter(([, x]) => x.score != null)
      .map(([key, x]) => ({ key, score: x.score as number, reason: x.reason }));
    await mut.saveReview.mutateAsync({
      id: a.id,
      body: { ...v, satisfaction: v.satisfaction == null ? null : v.satisfaction / 100, adjustments },
    });
  };
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(ok);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        siteVisit: a.siteVisit,
        talks: a.talks,
        satisfaction: a.satisfaction == null ? null : Math.round(a.satisfaction * 100),
        vetoes: a.vetoes,
        comment: a.reviewComment,
      }}
    >
      <Form.Item name="siteVisit" label="实地查看情况">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="talks" label="个别谈话情况">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="satisfaction" label="党员群众满意度（%）">
        <InputNumber min={0} max={100} />
      </Form.Item>
      <Form.Item name="vetoes" label="否决项">
        <Checkbox.Group options={a.rubric.veto.conditions.map((c) => ({ value: c.key, label: c.text }))} />
      </Form.Item>
      <Form.Item name="comment" label="考评意见">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space>
        <Button loading={busy} onClick={() => run(save, '考评已保存')}>
          保存考评
        </Button>
        <ReasonButton
          title="退回支部修改"
          label="退回修改"
          onOk={(reason) => run(() => mut.returnIt.mutateAsync({ id: a.id, reason }), '已退回支部')}
        />
        <ReasonButton
          title="报送国资委审定"
          label="报送审定"
          primary
          initial="考评完成，报送审定"
          onOk={(reason) =>
            run(async () => {
              await save();
              await mut.forward.mutateAsync({ id: a.id, reason });
            }, '已报送国资委党委审定')
          }
        />
      </Space>
    </Form>
  );
}
