import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Input, Row, Skeleton, Space, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { OrgTree } from '../../../components/org-tree.tsx';
import { type Org, useOrgs } from '../../../lib/org-api.ts';
import { buildForest, type OrgNode } from '../../../lib/org-tree.ts';
import { useDownload } from '../../../lib/use-download.ts';
import { type OrgAction, OrgDetail } from '../components/org-detail.tsx';
import { OrgDissolveModal } from '../components/org-dissolve-modal.tsx';
import { OrgFormModal } from '../components/org-form-modal.tsx';
import { OrgMoveModal } from '../components/org-move-modal.tsx';

function indexNodes(forest: OrgNode[]): Map<string, OrgNode> {
  const m = new Map<string, OrgNode>();
  const walk = (n: OrgNode) => {
    m.set(n.id, n);
    n.children.forEach(walk);
  };
  forest.forEach(walk);
  return m;
}

/** 组织管理: the tree of the caller's scope with search, a detail panel, edits, moves, 撤销, exports and attachments. */
export default function OrgPage() {
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [showDissolved, setShowDissolved] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [action, setAction] = useState<OrgAction | null>(null);
  const { data: orgs = [], isPending } = useOrgs({ includeDissolved: showDissolved });
  const nodes = useMemo(() => indexNodes(buildForest(orgs)), [orgs]);
  const selected = orgs.find((o) => o.id === selectedId);
  const dl = useDownload();

  useEffect(() => {
    if (!selectedId && orgs.length) setSelectedId(buildForest(orgs)[0]?.id ?? null);
  }, [orgs, selectedId]);

  const close = () => setAction(null);
  const saved = (o: Org, text: string) => {
    message.success(text);
    setSelectedId(o.id);
    close();
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10} xl={9}>
        <Card
          title="组织树"
          extra={
            <Button
              icon={<FileExcelOutlined />}
              loading={dl.busy === 'xlsx'}
              onClick={() => dl.run('xlsx', '/api/orgs/export', { q: query.trim() || undefined }, '组织列表.xlsx')}
            >
              导出Excel
            </Button>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.Search
              placeholder="按组织名称或单位搜索"
              allowClear
              aria-label="搜索组织"
              onChange={(e) => setQuery(e.target.value)}
              onSearch={setQuery}
            />
            <Space>
              <Switch size="small" checked={showDissolved} onChange={setShowDissolved} aria-label="显示已撤销" />
              显示已撤销
            </Space>
            {isPending ? <Skeleton active /> : <OrgTree orgs={orgs} query={query} selectedId={selectedId} onSelect={setSelectedId} />}
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={14} xl={15}>
        {selected ? (
          <OrgDetail org={selected} node={nodes.get(selected.id)} onAction={setAction} />
        ) : (
          <Card>
            <Empty description="请在左侧选择一个组织" />
          </Card>
        )}
      </Col>
      {selected && action === 'create' && (
        <OrgFormModal mode="create" org={selected} onClose={close} onSaved={(o) => saved(o, `已新建：${o.name}`)} />
      )}
      {selected && action === 'edit' && <OrgFormModal mode="edit" org={selected} onClose={close} onSaved={(o) => saved(o, '已保存')} />}
      {selected && action === 'move' && <OrgMoveModal org={selected} orgs={orgs} onClose={close} onSaved={(o) => saved(o, '已移动')} />}
      {selected && action === 'dissolve' && (
        <OrgDissolveModal
          org={selected}
          onClose={close}
          onDone={() => {
            message.success(`已撤销：${selected.name}`);
            setSelectedId(selected.parentId);
            close();
          }}
        />
      )}
    </Row>
  );
}
