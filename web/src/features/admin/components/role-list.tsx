import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select, Space } from 'antd';
import { ROLE_LABELS, ROLES } from '../../../../../common/access.ts';
import { OrgSelect } from '../../../components/org-select.tsx';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

/** Form list of 角色 held at 组织 (the role reaches the org's subtree). */
export function RoleList() {
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="start" wrap style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '请选择角色' }]} label={i === 0 ? '角色' : undefined}>
                <Select options={roleOptions} placeholder="角色" style={{ width: 180 }} aria-label={`角色 ${i + 1}`} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'orgId']}
                rules={[{ required: true, message: '请选择任职组织' }]}
                label={i === 0 ? '任职组织' : undefined}
              >
                <OrgSelect placeholder="任职组织" />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`删除角色 ${i + 1}`}
                onClick={() => remove(f.name)}
                style={i === 0 ? { marginTop: 30 } : undefined}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
            添加角色
          </Button>
        </>
      )}
    </Form.List>
  );
}
