import { App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { idNumberFacts, idNumberProblem } from '../../../../../common/idcard.ts';
import {
  CATEGORY_LABELS,
  EDUCATIONS,
  ETHNICITIES,
  GENDER_LABELS,
  type MemberCreate,
  MemberCreateSchema,
  memberFactProblems,
} from '../../../../../common/member.ts';
import type { Org } from '../../../lib/org-api.ts';
import { blankToNull, zodRule } from '../../../lib/zod-form.ts';
import { type Member, useMemberMutations } from '../api.ts';

type Props = { member?: Member; orgs: Org[]; defaultOrgId?: string; onClose: () => void; onSaved: (m: Member) => void };
type Values = Omit<MemberCreate, 'birthDate' | 'joinedOn' | 'fullMemberOn'> & {
  birthDate?: Dayjs;
  joinedOn?: Dayjs;
  fullMemberOn?: Dayjs | null;
};

const shape = MemberCreateSchema.shape;
const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
const fmt = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** 新增/编辑党员: one form validated with the shared schemas; the ID number fills birth date and gender. */
export function MemberFormDrawer({ member, orgs, defaultOrgId, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create, update } = useMemberMutations();
  const branches = useMemo(
    () =>
      orgs
        .filter((o) => (o.type === 'branch' || o.type === 'group') && o.status === 'active')
        .map((o) => ({
          value: o.id,
          label: o.type === 'group' ? `${orgs.find((p) => p.id === o.parentId)?.name ?? ''} / ${o.name}` : o.name,
        })),
    [orgs],
  );
  const initial = member
    ? {
        ...member,
        idNumber: undefined,
        phone: undefined,
        birthDate: dayjs(member.birthDate),
        joinedOn: dayjs(member.joinedOn),
        fullMemberOn: member.fullMemberOn ? dayjs(member.fullMemberOn) : null,
      }
    : { orgId: defaultOrgId, ethnicity: '汉族', category: 'full' };

  const onIdChange = (v: string) => {
    const id = v.trim().toUpperCase();
    if (id.length === 18 && !idNumberProblem(id)) {
      const f = idNumberFacts(id);
      form.setFieldsValue({ birthDate: dayjs(f.birthDate), gender: f.gender });
    }
  };

  const submit = async (v: Values) => {
    const body = blankToNull({
      ...v,
      birthDate: fmt(v.birthDate),
      joinedOn: fmt(v.joinedOn),
      fullMemberOn: fmt(v.fullMemberOn),
    }) as MemberCreate;
    const problems = memberFactProblems({ ...body, idNumber: body.idNumber || undefined, fullMemberOn: body.fullMemberOn ?? null });
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
      return;
    }
    try {
      if (member) {
        const { orgId: _o, idNumber, phone, ...rest } = body;
        const saved = await update.mutateAsync({
          id: member.id,
          ...rest,
          ...(idNumber ? { idNumber } : {}),
          ...(phone ? { phone } : {}),
          version: member.version,
        });
        onSaved(saved);
      } else onSaved(await create.mutateAsync(body));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Drawer
      open
      width={640}
      title={member ? `编辑党员：${member.name}` : '新增党员'}
      onClose={onClose}
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={create.isPending || update.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }, zodRule(shape.name)]}>
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="orgId" label="所在党支部/党小组" rules={[{ required: true, message: '请选择所在党支部或党小组' }]}>
              <Select options={branches} showSearch optionFilterProp="label" disabled={!!member} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="idNumber"
              label={member ? `公民身份号码（现为 ${member.idNumber}，不改请留空）` : '公民身份号码'}
              rules={[...(member ? [] : [{ required: true, message: '请填写公民身份号码' }]), zodRule(shape.idNumber.optional())]}
            >
              <Input maxLength={18} autoComplete="off" onChange={(e) => onIdChange(e.target.value)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="phone"
              label={member?.phone ? `手机号码（现为 ${member.phone}，不改请留空）` : '手机号码'}
              rules={[zodRule(shape.phone)]}
            >
              <Input maxLength={11} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="gender" label="性别" rules={[{ required: true, message: '请选择性别' }]}>
              <Select options={Object.entries(GENDER_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="birthDate" label="出生日期" rules={[{ required: true, message: '请选择出生日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="ethnicity" label="民族" rules={[{ required: true, message: '请选择民族' }]}>
              <Select options={opts(ETHNICITIES)} showSearch />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="education" label="学历">
              <Select options={opts(EDUCATIONS)} allowClear />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="category" label="人员类别" rules={[{ required: true, message: '请选择人员类别' }]}>
              <Select options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="position" label="党内职务" rules={[zodRule(shape.position)]}>
              <Input maxLength={30} placeholder="如 组织委员" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="joinedOn" label="入党日期" rules={[{ required: true, message: '请选择入党日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="fullMemberOn" label="转为正式党员日期" tooltip="正式党员必填，预备党员不填">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
