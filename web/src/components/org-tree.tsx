import { Tag, Tooltip, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { ORG_TYPE_LABELS } from '../../../common/access.ts';
import type { Org } from '../lib/org-api.ts';
import { buildForest, matchWithAncestors, type OrgNode } from '../lib/org-tree.ts';

const TYPE_COLORS = { committee: 'red', general_branch: 'volcano', branch: 'orange', group: 'gold' } as const;

function highlight(name: string, q: string): ReactNode {
  const i = q ? name.toLowerCase().indexOf(q.toLowerCase()) : -1;
  if (i < 0) return name;
  return (
    <>
      {name.slice(0, i)}
      <mark style={{ padding: 0, background: '#ffe58f' }}>{name.slice(i, i + q.length)}</mark>
      {name.slice(i + q.length)}
    </>
  );
}

type Props = { orgs: Org[]; query: string; selectedId: string | null; onSelect: (id: string) => void };

/** The org tree: type tag, own and subtree member counts; a search keeps matches and their ancestors. */
export function OrgTree({ orgs, query, selectedId, onSelect }: Props) {
  const forest = useMemo(() => buildForest(orgs), [orgs]);
  const found = useMemo(() => matchWithAncestors(orgs, query), [orgs, query]);
  const [expanded, setExpanded] = useState<string[]>([]);

  const loaded = forest.length > 0;
  // first load: roots and their children open; a search opens the ancestors of its matches
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on first load and on a new search, not on every refetch
  useEffect(() => {
    if (found) setExpanded([...found.expand]);
    else setExpanded(forest.flatMap((r) => [r.id, ...r.children.map((c) => c.id)]));
  }, [found, loaded]);
  // the selected org (for example one just created) is always visible
  useEffect(() => {
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const chain: string[] = [];
    for (let p = selectedId ? byId.get(selectedId)?.parentId : null; p; p = byId.get(p)?.parentId) chain.push(p);
    if (chain.length) setExpanded((e) => [...new Set([...e, ...chain])]);
  }, [selectedId, orgs]);

  const toData = (n: OrgNode): DataNode | null => {
    const children = n.children.map(toData).filter((c): c is DataNode => c !== null);
    if (found && !found.matches.has(n.id) && !children.length) return null;
    return {
      key: n.id,
      title: (
        <span style={{ opacity: n.status === 'dissolved' ? 0.5 : 1 }}>
          <Tag color={TYPE_COLORS[n.type]} style={{ marginInlineEnd: 6 }}>
            {ORG_TYPE_LABELS[n.type]}
          </Tag>
          <span>{highlight(n.name, query.trim())}</span>
          <Tooltip title={`本级党员 ${n.memberCount} 名，含下级合计 ${n.totalMembers} 名`}>
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12, whiteSpace: 'nowrap' }}>
              {n.memberCount}/{n.totalMembers}人
            </Typography.Text>
          </Tooltip>
          {n.status === 'dissolved' && <Tag style={{ marginLeft: 6 }}>已撤销</Tag>}
        </span>
      ),
      children,
    };
  };
  const data = forest.map(toData).filter((c): c is DataNode => c !== null);

  if (!data.length) return <Typography.Text type="secondary">{query ? '没有名称匹配的组织' : '管理范围内暂无组织'}</Typography.Text>;
  return (
    <Tree
      blockNode
      treeData={data}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys as string[])}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
    />
  );
}
