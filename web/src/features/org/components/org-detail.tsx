import { DeleteOutlined, DragOutlined, EditOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Divider, Space, Tag } from 'antd';
import { ORG_CHILD_TYPES, ORG_TYPE_LABELS } from '../../../../../common/access.ts';
import { Attachments } from '../../../components/attachments.tsx';
import { OrgWarningBadges } from '../../../components/org-warning-badges.tsx';
import { useCan } from '../../../lib/access.ts';
import type { Org } from '../../../lib/org-api.ts';
import type { OrgNode } from '../../../lib/org-tree.ts';
import { useDownload } from '../../../lib/use-download.ts';

export type OrgAction = 'create' | 'edit' | 'move' | 'dissolve';

const yesNo = (b: boolean) => (b ? '是' : '否');

/** 详情 of the selected org with the actions the caller's permissions allow. */
export function OrgDetail({ org, node, onAction }: { org: Org; node: OrgNode | undefined; onAction: (a: OrgAction) => void }) {
  const can = useCan();
  const dl = useDownload();
  const active = org.status === 'active';
  const writable = can('org:write') && active;
  return (
    <Card
      title={org.name}
      extra={
        <Button
          icon={<FileWordOutlined />}
          loading={dl.busy === 'report'}
          onClick={() => dl.run('report', `/api/orgs/${org.id}/report`, undefined, `${org.name}基本情况表.docx`)}
        >
          导出Word
        </Button>
      }
    >
      {writable && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Button icon={<EditOutlined />} onClick={() => onAction('edit')}>
            编辑
          </Button>
          {ORG_CHILD_TYPES[org.type].length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onAction('create')}>
              新建下级组织
            </Button>
          )}
          {org.parentId && (
            <Button icon={<DragOutlined />} onClick={() => onAction('move')}>
              移动
            </Button>
          )}
          {org.parentId && (
            <Button danger icon={<DeleteOutlined />} onClick={() => onAction('dissolve')}>
              撤销
            </Button>
          )}
        </Space>
      )}
      {active && <OrgWarningBadges orgId={org.id} list />}
      <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
        <Descriptions.Item label="组织类别">{ORG_TYPE_LABELS[org.type]}</Descriptions.Item>
        <Descriptions.Item label="状态">{active ? <Tag color="green">正常</Tag> : <Tag>已撤销</Tag>}</Descriptions.Item>
        <Descriptions.Item label="所在单位">{org.unitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="企业党组织">{yesNo(org.isEnterprise)}</Descriptions.Item>
        <Descriptions.Item label="联合党组织">{yesNo(org.joint)}</Descriptions.Item>
        <Descriptions.Item label="临时党组织">{yesNo(org.temporary)}</Descriptions.Item>
        <Descriptions.Item label="成立日期">{org.foundedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="联系人">{org.contactName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{org.contactPhone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="下级组织">{org.childCount} 个</Descriptions.Item>
        <Descriptions.Item label="本级党员">{org.memberCount} 名</Descriptions.Item>
        <Descriptions.Item label="党员合计（含下级）">{node ? `${node.totalMembers} 名` : '—'}</Descriptions.Item>
        {!active && <Descriptions.Item label="撤销原因">{org.dissolvedReason ?? '—'}</Descriptions.Item>}
      </Descriptions>
      <Divider titlePlacement="start">附件</Divider>
      <Attachments owner={{ ownerType: 'org', ownerId: org.id, orgId: org.id }} />
    </Card>
  );
}
