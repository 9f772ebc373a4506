import { Form, Modal, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS } from '../../../../../common/access.ts';
import { type Org, useOrgMutations } from '../../../lib/org-api.ts';
import { buildForest, type OrgNode, subtreeIds } from '../../../lib/org-tree.ts';

type TreeOption = { value: string; title: string; disabled?: boolean; children: TreeOption[] };

/** 移动: choose a new parent within the scope; its own subtree and parents that cannot hold this type are disabled. */
export function OrgMoveModal({ org, orgs, onClose, onSaved }: { org: Org; orgs: Org[]; onClose: () => void; onSaved: (o: Org) => void }) {
  const [form] = Form.useForm<{ parentId: string }>();
  const { update } = useOrgMutations();
  const options = useMemo(() => {
    const own = subtreeIds(orgs, org.id);
    const toOption = (n: OrgNode): TreeOption => ({
      value: n.id,
      title: `${n.name}（${ORG_TYPE_LABELS[n.type]}）`,
      disabled: own.has(n.id) || n.id === org.parentId || !ORG_CHILD_TYPES[n.type].includes(org.type),
      children: n.children.filter((c) => !own.has(c.id)).map(toOption),
    });
    return buildForest(orgs.filter((o) => o.status === 'active')).map(toOption);
  }, [orgs, org]);

  const onOk = async () => {
    const { parentId } = await form.validateFields();
    onSaved(await update.mutateAsync({ id: org.id, parentId, version: org.version }));
  };

  return (
    <Modal open title={`移动 · ${org.name}`} okText="移动" onOk={onOk} onCancel={onClose} confirmLoading={update.isPending} destroyOnHidden>
      <p>连同其全部下级组织一起移动到新的上级组织之下。</p>
      <Form form={form} layout="vertical">
        <Form.Item label="新的上级组织" name="parentId" rules={[{ required: true, message: '请选择新的上级组织' }]}>
          <TreeSelect treeData={options} showSearch treeNodeFilterProp="title" treeDefaultExpandAll placeholder="选择上级组织" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
