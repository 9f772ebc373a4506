import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DUTIES, DUTY_LABELS, type Duty } from '../../../../../common/committee.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useCommitteeMutations, useFullMembers } from '../api.ts';

type Values = {
  orgId: string;
  electedOn: Dayjs;
  votersEntitled?: number;
  votersPresent?: number;
  members: { memberId: string; duty: Duty; dutyNote?: string }[];
  note?: string;
};

/** 登记换届选举: the election date and the new roster (one 书记; full members of the org). */
export function ElectionModal({ orgId, onClose }: { orgId?: string; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [org, setOrg] = useState(orgId);
  const { data } = useFullMembers(org);
  const { elect } = useCommitteeMutations();
  const options = (data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }));
  const onOk = async () => {
    const v = await form.validateFields();
    const res = await elect.mutateAsync({
      orgId: v.orgId,
      electedOn: v.electedOn.format('YYYY-MM-DD'),
      members: v.members.map((s) => ({ memberId: s.memberId, duty: s.duty, dutyNote: s.dutyNote || null })),
      votersEntitled: v.votersEntitled ?? null,
      votersPresent: v.votersPresent ?? null,
      note: v.note || null,
    });
    message.success(`已登记换届：${res.orgName}，任期至 ${res.endsOn}`);
    onClose();
  };
  return (
    <Modal
      open
      title="登记换届选举"
      okText="保存"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={elect.isPending}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ orgId, members: [{ duty: 'secretary' }] }}>
        <Form.Item label="党组织" name="orgId" rules={[{ required: true, message: '请选择党组织' }]}>
          <OrgSelect onChange={(id) => setOrg(id)} />
        </Form.Item>
        <Form.Item label="选举日期" name="electedOn" rules={[{ required: true, message: '请选择选举日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap>
          <Form.Item label="应到人数" name="votersEntitled">
            <InputNumber min={1} precision={0} />
          </Form.Item>
          <Form.Item label="实到人数" name="votersPresent" extra="实到须超过应到的五分之四">
            <InputNumber min={0} precision={0} />
          </Form.Item>
        </Space>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'memberId']} rules={[{ required: true, message: '请选择委员' }]}>
                    <Select
                      aria-label={`委员 ${i + 1}`}
                      showSearch
                      optionFilterProp="label"
                      options={options}
                      placeholder="选择正式党员"
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'duty']} rules={[{ required: true, message: '请选择职务' }]}>
                    <Select
                      aria-label={`职务 ${i + 1}`}
                      options={DUTIES.map((d) => ({ value: d, label: DUTY_LABELS[d] }))}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dutyNote']}>
                    <Input placeholder="分工（选填）" maxLength={40} style={{ width: 140 }} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined aria-label="删除委员" onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ duty: 'member' })} block>
                添加委员
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item label="备注" name="note" style={{ marginTop: 16 }}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
