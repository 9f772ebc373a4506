import { Descriptions, Drawer, Empty, Tag, Timeline } from 'antd';
import { DUTY_LABELS } from '../../../../../common/committee.ts';
import { OrgWarningBadges } from '../../../components/org-warning-badges.tsx';
import { useOrgCommittees } from '../api.ts';
import { TermTag } from './term-tag.tsx';

/** 历届委员会 of one org: each term with its roster, postponement and state. */
export function CommitteeHistory({ orgId, orgName, onClose }: { orgId: string; orgName: string; onClose: () => void }) {
  const { data = [], isPending } = useOrgCommittees(orgId);
  return (
    <Drawer open title={`历届委员会 · ${orgName}`} width={560} onClose={onClose}>
      <OrgWarningBadges orgId={orgId} list />
      {!isPending && data.length === 0 && <Empty description="尚未登记委员会" />}
      <Timeline
        style={{ marginTop: 16 }}
        items={data.map((c) => ({
          color: c.status === 'current' ? 'red' : 'gray',
          children: (
            <Descriptions key={c.id} size="small" column={1} title={`${c.electedOn} 选举`} extra={<TermTag c={c} />}>
              <Descriptions.Item label="任期">
                {c.termYears} 年，至 {c.endsOn}
                {c.postponedTo && <Tag style={{ marginLeft: 8 }}>原定 {c.termEndsOn}</Tag>}
              </Descriptions.Item>
              {c.postpone && (
                <Descriptions.Item label="延期">
                  {c.postpone.reason}（{c.postpone.approvedBy} {c.postpone.approvedOn} 批准{c.postpone.docNo ? `，${c.postpone.docNo}` : ''}
                  ）
                </Descriptions.Item>
              )}
              {c.votersEntitled != null && (
                <Descriptions.Item label="选举大会">
                  应到 {c.votersEntitled} 人，实到 {c.votersPresent} 人
                </Descriptions.Item>
              )}
              {c.endedOn && <Descriptions.Item label="换届日期">{c.endedOn}</Descriptions.Item>}
              <Descriptions.Item label="成员">
                {c.members.map((s) => `${DUTY_LABELS[s.duty]} ${s.name}${s.dutyNote ? `（${s.dutyNote}）` : ''}`).join('、')}
              </Descriptions.Item>
            </Descriptions>
          ),
        }))}
      />
    </Drawer>
  );
}
