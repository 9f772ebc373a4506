import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { CATEGORY_LABELS, EDUCATIONS, ETHNICITIES, GENDER_LABELS, GENDERS, MEMBER_CATEGORIES } from '../../../../../common/member.ts';
import { OrgSelect } from '../../../components/org-select.tsx';
import { useTransferMutations } from '../../../lib/transfer-api.ts';

type Values = Record<'orgId' | 'name' | 'gender' | 'ethnicity' | 'idNumber' | 'category' | 'fromOrgName' | 'reason', string> & {
  education?: string;
  phone?: string;
  letterNo?: string;
  birthDate: Dayjs;
  joinedOn: Dayjs;
  fullMemberOn?: Dayjs;
  duesPaidUntil: Dayjs;
};

const d = (v?: Dayjs) => (v ? v.format('YYYY-MM-DD') : null);

/** 从系统外转入: registers the member in a branch of the caller's scope with the incoming letter. */
export function TransferInModal({ onClose }: { onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { transferIn } = useTransferMutations();
  const category = Form.useWatch('category', form);
  const onOk = async () => {
    const v = await form.validateFields();
    const t = await transferIn.mutateAsync({
      member: {
        orgId: v.orgId,
        name: v.name,
        gender: v.gender as (typeof GENDERS)[number],
        ethnicity: v.ethnicity as (typeof ETHNICITIES)[number],
        birthDate: d(v.birthDate) ?? '',
        education: (v.education as (typeof EDUCATIONS)[number]) ?? null,
        idNumber: v.idNumber,
        phone: v.phone || null,
        category: v.category as (typeof MEMBER_CATEGORIES)[number],
        joinedOn: d(v.joinedOn) ?? '',
        fullMemberOn: v.category === 'full' ? d(v.fullMemberOn) : null,
        position: null,
      },
      fromOrgName: v.fromOrgName,
      letterNo: v.letterNo || null,
      duesPaidUntil: v.duesPaidUntil.format('YYYY-MM'),
      reason: v.reason,
    });
    message.success(`${t.memberName}已转入${t.toOrgName}`);
    onClose();
  };
  const req = (label: string) => [{ required: true, message: `请填写${label}` }];
  const opts = (list: readonly string[], labels?: Record<string, string>) => list.map((x) => ({ value: x, label: labels?.[x] ?? x }));
  return (
    <Modal
      open
      title="从系统外转入"
      okText="登记转入"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={transferIn.isPending}
      width={720}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ gender: 'male', ethnicity: '汉族', category: 'full', duesPaidUntil: dayjs() }}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="转入党支部" name="orgId" rules={req('转入党支部')}>
              <OrgSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="转出党组织" name="fromOrgName" rules={req('转出党组织全称')}>
              <Input maxLength={80} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="姓名" name="name" rules={req('姓名')}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="性别" name="gender">
              <Select options={opts(GENDERS, GENDER_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="民族" name="ethnicity">
              <Select showSearch options={opts(ETHNICITIES)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="公民身份号码" name="idNumber" rules={req('公民身份号码')}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="手机号码" name="phone">
              <Input maxLength={11} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="出生日期" name="birthDate" rules={req('出生日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="学历" name="education">
              <Select allowClear options={opts(EDUCATIONS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="人员类别" name="category">
              <Select options={opts(MEMBER_CATEGORIES, CATEGORY_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="入党日期" name="joinedOn" rules={req('入党日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {category === 'full' && (
            <Col span={8}>
              <Form.Item label="转为正式党员日期" name="fullMemberOn" rules={req('转为正式党员日期')}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col span={8}>
            <Form.Item label="党费交至" name="duesPaidUntil" rules={req('党费交至月份')}>
              <DatePicker picker="month" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="介绍信编号" name="letterNo">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="转入原因" name="reason" rules={req('转入原因')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
