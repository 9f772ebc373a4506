import { DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS, type OrgType } from '../../../../../common/access.ts';
import { OrgCreateSchema } from '../../../../../common/org.ts';
import { type Org, useOrgMutations } from '../../../lib/org-api.ts';
import { blankToNull, zodRule } from '../../../lib/zod-form.ts';

type Values = {
  name: string;
  type?: OrgType;
  unitName?: string;
  isEnterprise?: boolean;
  joint?: boolean;
  temporary?: boolean;
  foundedOn?: Dayjs | null;
  contactName?: string;
  contactPhone?: string;
  sortOrder?: number;
};

const shape = OrgCreateSchema.shape;

/** 新建下级组织 (mode create, under `org`) or 编辑 (mode edit, of `org`); validated with the shared Zod schema. */
export function OrgFormModal({
  mode,
  org,
  onClose,
  onSaved,
}: {
  mode: 'create' | 'edit';
  org: Org;
  onClose: () => void;
  onSaved: (o: Org) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { create, update } = useOrgMutations();
  const childTypes = ORG_CHILD_TYPES[org.type];

  useEffect(() => {
    if (mode === 'edit')
      form.setFieldsValue({
        name: org.name,
        unitName: org.unitName ?? '',
        isEnterprise: org.isEnterprise,
        joint: org.joint,
        temporary: org.temporary,
        foundedOn: org.foundedOn ? dayjs(org.foundedOn) : null,
        contactName: org.contactName ?? '',
        contactPhone: org.contactPhone ?? '',
        sortOrder: org.sortOrder,
      });
    else form.setFieldsValue({ type: childTypes[childTypes.length === 1 ? 0 : childTypes.length - 1], isEnterprise: false });
  }, [mode, org, form, childTypes]);

  const onOk = async () => {
    const v = await form.validateFields();
    const body = blankToNull({
      ...v,
      foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
      sortOrder: v.sortOrder ?? undefined,
    });
    const saved =
      mode === 'create'
        ? await create.mutateAsync({ ...body, name: v.name.trim(), type: v.type!, parentId: org.id })
        : await update.mutateAsync({ ...body, name: v.name.trim(), type: undefined, id: org.id, version: org.version });
    onSaved(saved);
  };

  return (
    <Modal
      open
      title={mode === 'create' ? `新建下级组织 · ${org.name}` : `编辑 · ${org.name}`}
      okText="保存"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark="optional">
        {mode === 'create' && (
          <Form.Item label="组织类别" name="type" rules={[{ required: true, message: '请选择组织类别' }]}>
            <Select options={childTypes.map((t) => ({ value: t, label: ORG_TYPE_LABELS[t] }))} />
          </Form.Item>
        )}
        <Form.Item label="组织名称" name="name" rules={[{ required: true, message: '请输入组织名称' }, zodRule(shape.name)]}>
          <Input maxLength={60} showCount />
        </Form.Item>
        <Form.Item label="所在单位" name="unitName" rules={[zodRule(shape.unitName)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label="是否企业党组织" name="isEnterprise" valuePropName="checked" tooltip="企业党委在统计中按企业计数">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item label="联合党组织" name="joint" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item label="临时党组织" name="temporary" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
        <Form.Item label="成立日期" name="foundedOn">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="联系人" name="contactName" rules={[zodRule(shape.contactName)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="联系电话" name="contactPhone" rules={[zodRule(shape.contactPhone)]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item label="排序号" name="sortOrder" tooltip="同级组织按排序号从小到大排列">
          <InputNumber min={0} max={9999} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
