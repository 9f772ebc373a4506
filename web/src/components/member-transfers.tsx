import { Empty, Timeline } from 'antd';
import { TRANSFER_KIND_LABELS } from '../../../common/transfer.ts';
import { useTransfers } from '../lib/transfer-api.ts';
import { TransferTag } from './transfer-tag.tsx';

/** 组织关系转接记录 of one member, newest first: drop into the member profile page. */
export function MemberTransfers({ memberId }: { memberId: string }) {
  const { data = [], isPending } = useTransfers({ memberId });
  if (!isPending && data.length === 0) return <Empty description="没有组织关系转接记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      aria-label="组织关系转接记录"
      items={data.map((t) => ({
        key: t.id,
        children: (
          <div>
            <div>
              {t.createdAt.slice(0, 10)} {TRANSFER_KIND_LABELS[t.kind]} <TransferTag t={t} />
            </div>
            <div>
              {t.fromOrgName ?? t.externalOrgName ?? '—'} → {t.toOrgName ?? t.externalOrgName ?? '—'}（{t.reason}）
            </div>
          </div>
        ),
      }))}
    />
  );
}
