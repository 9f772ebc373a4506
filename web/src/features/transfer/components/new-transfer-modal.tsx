import { App, Checkbox, DatePicker, Form, Input, Modal, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTransferMutations } from '../../../lib/transfer-api.ts';
import { DestinationPick, MemberPick } from './member-pick.tsx';

type Values = { memberId: string; toOrgId?: string; toOrgName?: string; reason: string; duesPaidUntil?: Dayjs; crossProvince?: boolean };

/** 发起转接: to another branch of the platform (the receiving side confirms) or out of it (introduction letter). */
export function NewTransferModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<'internal' | 'out'>('internal');
  const { request, letter } = useTransferMutations();
  const onOk = async () => {
    const v = await form.validateFields();
    if (kind === 'internal') {
      const t = await request.mutateAsync({ memberId: v.memberId, toOrgId: v.toOrgId ?? '', reason: v.reason });
      message.success(`已发起转接，等待${t.toOrgName}确认`);
    } else {
      const t = await letter.mutateAsync({
        memberId: v.memberId,
        toOrgName: v.toOrgName ?? '',
        reason: v.reason,
        duesPaidUntil: (v.duesPaidUntil ?? dayjs()).format('YYYY-MM'),
        crossProvince: v.crossProvince,
      });
      message.success(`已开具介绍信 ${t.letterNo}，有效期至 ${t.validUntil}`);
    }
    onClose();
  };
  return (
    <Modal
      open
      title="发起组织关系转接"
      okText={kind === 'internal' ? '发起转接' : '开具介绍信'}
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={request.isPending || letter.isPending}
      destroyOnHidden
    >
      <Segmented
        block
        aria-label="转接方式"
        value={kind}
        onChange={(v) => setKind(v as 'internal' | 'out')}
        options={[
          { label: '转到系统内党支部', value: 'internal' },
          { label: '转出本系统（开具介绍信）', value: 'out' },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Form form={form} layout="vertical" initialValues={{ duesPaidUntil: dayjs() }}>
        <Form.Item label="党员" name="memberId" rules={[{ required: true, message: '请选择党员' }]}>
          <MemberPick />
        </Form.Item>
        {kind === 'internal' ? (
          <Form.Item label="接收党支部" name="toOrgId" rules={[{ required: true, message: '请选择接收党支部' }]}>
            <DestinationPick />
          </Form.Item>
        ) : (
          <>
            <Form.Item label="接收党组织" name="toOrgName" rules={[{ required: true, message: '请填写接收党组织全称' }]}>
              <Input maxLength={80} placeholder="如：中共乌鲁木齐市某公司委员会" />
            </Form.Item>
            <Form.Item label="党费交至" name="duesPaidUntil" rules={[{ required: true, message: '请选择党费交至月份' }]}>
              <DatePicker picker="month" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="crossProvince" valuePropName="checked">
              <Checkbox>跨省（区、市）转接</Checkbox>
            </Form.Item>
          </>
        )}
        <Form.Item label="转接原因" name="reason" rules={[{ required: true, message: '请填写转接原因' }]}>
          <Input maxLength={200} placeholder="如：工作调动" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
