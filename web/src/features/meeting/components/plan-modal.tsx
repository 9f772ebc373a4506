import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { MEETING_TYPE_LABELS, MEETING_TYPES } from '../../../../../common/meeting.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { usePlanMeeting } from '../api.ts';

type Values = {
  orgId: string;
  type: string;
  title: string;
  range: [Dayjs, Dayjs];
  place: string;
  host: string;
  recorder: string;
  voting?: boolean;
};

/** 计划会议: org, type, time, place, host and recorder; 应到 comes from the org's roster, or the current term's 委员 for a 党委会/支委会. */
export function PlanModal({ open, onClose, onPlanned }: { open: boolean; onClose: () => void; onPlanned: (id: string) => void }) {
  const [form] = Form.useForm<Values>();
  const plan = usePlanMeeting();
  const { message } = App.useApp();
  const type = Form.useWatch('type', form);
  const committee = type === 'committee_meeting' || type === 'branch_committee';
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const m = await plan.mutateAsync({
        orgId: v.orgId,
        type: v.type,
        title: v.title,
        startsAt: v.range[0].format(),
        endsAt: v.range[1].format(),
        place: v.place,
        host: v.host,
        recorder: v.recorder,
        voting: v.voting,
      });
      message.success(
        v.type === 'committee_meeting' || v.type === 'branch_committee'
          ? '会议已计划，应到人员为本届委员会委员'
          : '会议已计划，应到人员已从党员名册带入',
      );
      form.resetFields();
      onPlanned(m.id);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal title="计划会议" open={open} onCancel={onClose} onOk={submit} okText="保存" confirmLoading={plan.isPending} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="orgId" label="党组织" rules={[{ required: true, message: '请选择召开会议的党组织' }]}>
          <OrgSelect />
        </Form.Item>
        <Form.Item name="type" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
          <Select options={MEETING_TYPES.map((t) => ({ value: t, label: MEETING_TYPE_LABELS[t] }))} />
        </Form.Item>
        {committee && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="应到人员为本届委员会委员，须超过半数委员到会，形成的决议方为有效；尚未登记本届委员的，请先在“委员会与换届”中登记。"
          />
        )}
        <Form.Item name="title" label="会议名称" rules={[{ required: true, min: 2, message: '会议名称至少 2 个字' }]}>
          <Input placeholder="如：3月支部委员会" />
        </Form.Item>
        <Form.Item name="range" label="会议时间" rules={[{ required: true, message: '请选择开始和结束时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="会议地点" rules={[{ required: true, min: 2, message: '请填写会议地点' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="host" label="主持人" rules={[{ required: true, min: 2, message: '请填写主持人' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="recorder" label="记录人" rules={[{ required: true, min: 2, message: '请填写记录人' }]}>
          <Input />
        </Form.Item>
        {type === 'members_assembly' && (
          <Form.Item name="voting" valuePropName="checked">
            <Checkbox>本次会议进行表决（须有表决权的正式党员过半数到会）</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
