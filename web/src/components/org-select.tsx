import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { ORG_TYPE_LABELS } from '../../../common/access.ts';
import { useOrgs } from '../lib/org-api.ts';
import { buildForest, type OrgNode } from '../lib/org-tree.ts';

type Option = { value: string; title: string; children: Option[] };

/** Pick one org of the caller's scope (a form control: value / onChange). */
export function OrgSelect(props: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
}) {
  const { data: orgs = [], isPending } = useOrgs();
  const tree = useMemo(() => {
    const toOption = (n: OrgNode): Option => ({
      value: n.id,
      title: `${n.name}（${ORG_TYPE_LABELS[n.type]}）`,
      children: n.children.map(toOption),
    });
    return buildForest(orgs.filter((o) => o.status === 'active')).map(toOption);
  }, [orgs]);
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      treeData={tree}
      loading={isPending}
      showSearch
      treeNodeFilterProp="title"
      allowClear={props.allowClear}
      placeholder={props.placeholder ?? '选择组织'}
      treeDefaultExpandedKeys={tree.map((t) => t.value)}
      style={{ width: '100%', minWidth: 200 }}
      popupMatchSelectWidth={false}
    />
  );
}
