import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Popconfirm, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { TRANSFER_KIND_LABELS } from '../../../../../common/transfer.ts';
import { TransferTag } from '../../../components/transfer-tag.tsx';
import { type Transfer, useTransferMutations } from '../../../lib/transfer-api.ts';
import { useDownload } from '../../../lib/use-download.ts';

/** 转接详情 with the next step each side may take: 确认转入 / 退回 (receiving), 撤销 / 登记回执 / 介绍信 (sending). */
export function TransferDrawer({ t, onClose }: { t: Transfer; onClose: () => void }) {
  const { message } = App.useApp();
  const m = useTransferMutations();
  const dl = useDownload();
  const [rejecting, setRejecting] = useState(false);
  const [receipt, setReceipt] = useState(false);
  const [form] = Form.useForm<{ note: string; receivedOn: Dayjs }>();
  const done = (text: string) => () => {
    message.success(text);
    onClose();
  };
  // never before the letter's issue date (the browser's calendar day may lag the server's CST day)
  const issued = t.issuedOn ? dayjs(t.issuedOn) : null;
  const receiptDefault = issued?.isAfter(dayjs()) ? issued : dayjs();
  const to = t.toOrgName ?? t.externalOrgName ?? '—';
  const from = t.fromOrgName ?? t.externalOrgName ?? '—';
  return (
    <Drawer open width={520} title={`组织关系转接 · ${t.memberName}`} onClose={onClose}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="方式">{TRANSFER_KIND_LABELS[t.kind]}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <TransferTag t={t} />
        </Descriptions.Item>
        <Descriptions.Item label="转出">{from}</Descriptions.Item>
        <Descriptions.Item label="转入">{to}</Descriptions.Item>
        <Descriptions.Item label="原因">{t.reason}</Descriptions.Item>
        {t.duesPaidUntil && <Descriptions.Item label="党费交至">{t.duesPaidUntil}</Descriptions.Item>}
        {t.letterNo && <Descriptions.Item label="介绍信编号">{t.letterNo}</Descriptions.Item>}
        {t.validUntil && <Descriptions.Item label="有效期至">{t.validUntil}</Descriptions.Item>}
        {t.receiptOn && <Descriptions.Item label="回执日期">{t.receiptOn}</Descriptions.Item>}
        {t.decisionNote && <Descriptions.Item label="说明">{t.decisionNote}</Descriptions.Item>}
        <Descriptions.Item label="发起时间">{dayjs(t.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginTop: 16 }}>
        {t.canConfirm && (
          <Popconfirm
            title={`确认${t.memberName}转入${to}？`}
            okText="确认转入"
            cancelText="取消"
            onConfirm={() => m.confirm.mutateAsync({ id: t.id }).then(done('已确认转入'))}
          >
            <Button type="primary">确认转入</Button>
          </Popconfirm>
        )}
        {t.canConfirm && (
          <Button danger onClick={() => setRejecting(true)}>
            退回
          </Button>
        )}
        {t.kind === 'out' && (
          <Button
            icon={<FileWordOutlined />}
            loading={dl.busy === 'letter'}
            onClick={() => dl.run('letter', `/api/transfers/${t.id}/letter`)}
          >
            下载介绍信
          </Button>
        )}
        {t.canReceipt && <Button onClick={() => setReceipt(true)}>登记回执</Button>}
        {t.canCancel && (
          <Popconfirm
            title="撤销这次转接？党员留在原党支部。"
            okText="撤销"
            cancelText="取消"
            onConfirm={() => m.cancel.mutateAsync({ id: t.id }).then(done('已撤销'))}
          >
            <Button>撤销</Button>
          </Popconfirm>
        )}
      </Space>
      <Modal
        open={rejecting || receipt}
        title={rejecting ? '退回转接' : '登记回执'}
        okText="保存"
        cancelText="取消"
        onCancel={() => {
          setRejecting(false);
          setReceipt(false);
        }}
        onOk={async () => {
          const v = await form.validateFields();
          if (rejecting) await m.reject.mutateAsync({ id: t.id, note: v.note }).then(done('已退回'));
          else
            await m.receipt
              .mutateAsync({ id: t.id, receivedOn: v.receivedOn.format('YYYY-MM-DD'), note: v.note || null })
              .then(done('已登记回执，转接完成'));
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ receivedOn: receiptDefault }}>
          {receipt && (
            <Form.Item label="回执日期" name="receivedOn" rules={[{ required: true, message: '请选择回执日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          )}
          <Form.Item
            label={rejecting ? '退回原因' : '备注'}
            name="note"
            rules={rejecting ? [{ required: true, message: '请说明退回原因' }] : []}
          >
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
