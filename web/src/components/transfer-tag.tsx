import { Tag } from 'antd';
import { TRANSFER_STATUS_LABELS } from '../../../common/transfer.ts';
import type { Transfer } from '../lib/transfer-api.ts';

const COLORS: Record<Transfer['status'], string> = {
  pending: 'orange',
  confirmed: 'green',
  rejected: 'red',
  cancelled: 'default',
  letter_issued: 'blue',
  receipt_received: 'green',
  expired: 'red',
};

/** The status of a transfer; an issued letter past its validity shows as 已过期未回执. */
export function TransferTag({ t }: { t: Transfer }) {
  if (t.expired && t.status !== 'receipt_received') return <Tag color="red">已过期未回执</Tag>;
  return <Tag color={COLORS[t.status]}>{TRANSFER_STATUS_LABELS[t.status]}</Tag>;
}
