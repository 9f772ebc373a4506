import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useMe } from '../../../lib/auth.ts';
import { useFivegoodMutations, useRubrics } from '../api.ts';

const STEPS = [
  ['selfAssess', '支部自评截止'],
  ['enterpriseReview', '企业党委考评截止'],
  ['sasacReview', '国资委审定截止'],
  ['rectify', '整改完成期限'],
] as const;

/** 部署: year, name, rubric version, step deadlines; every branch below the org takes part (eligibility per rubric). */
export function LaunchModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { data: rubrics = [] } = useRubrics();
  const mut = useFivegoodMutations();
  const [form] = Form.useForm();
  const year = new Date().getFullYear();
  return (
    <Modal
      title="部署年度创建活动"
      open={open}
      onCancel={onClose}
      okText="发起"
      confirmLoading={mut.launch.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        const d = (k: string) => (v[k] as Dayjs).format('YYYY-MM-DD');
        try {
          await mut.launch.mutateAsync({
            orgId: v.orgId,
            year: v.year,
            name: v.name,
            rubricId: v.rubricId,
            excludeOrgIds: [],
            deadlines: {
              selfAssess: d('selfAssess'),
              enterpriseReview: d('enterpriseReview'),
              sasacReview: d('sasacReview'),
              rectify: d('rectify'),
            },
          });
          message.success('创建活动已部署，已提醒各参评支部');
          onClose();
        } catch (e) {
          message.error((e as Error).message);
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year, name: `${year}年度"五个好"标准化规范化党支部创建`, orgId: me?.roles[0]?.orgId, rubricId: rubrics[0]?.id }}
      >
        <Form.Item name="orgId" label="发起组织" rules={[{ required: true, message: '请选择发起组织' }]}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="name" label="活动名称" rules={[{ required: true, message: '请填写活动名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="rubricId" label="评分细则版本" rules={[{ required: true, message: '请选择评分细则版本' }]}>
          <Select options={rubrics.map((r) => ({ value: r.id, label: `第${r.version}版 ${r.content.name}` }))} />
        </Form.Item>
        {STEPS.map(([k, label]) => (
          <Form.Item key={k} name={k} label={label} rules={[{ required: true, message: `请选择${label}` }]}>
            <DatePicker aria-label={label} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
