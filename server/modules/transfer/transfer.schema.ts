import { TRANSFER_KINDS, TRANSFER_STATUSES } from '../../../common/transfer.ts';
import { z } from '../../../common/zod-locale.ts';

export {
  DecisionSchema,
  InTransferSchema,
  InternalTransferSchema,
  OutTransferSchema,
  ReceiptSchema,
  RejectSchema,
} from '../../../common/transfer.ts';

export const TransferOut = z.object({
  id: z.string(),
  kind: z.enum(TRANSFER_KINDS),
  memberId: z.string(),
  memberName: z.string(),
  fromOrgId: z.string().nullable(),
  fromOrgName: z.string().nullable(),
  toOrgId: z.string().nullable(),
  toOrgName: z.string().nullable(),
  externalOrgName: z.string().nullable(),
  status: z.enum(TRANSFER_STATUSES),
  reason: z.string(),
  duesPaidUntil: z.string().nullable(),
  letterNo: z.string().nullable(),
  issuedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  /** a letter past its validity without a receipt */
  expired: z.boolean(),
  receiptOn: z.string().nullable(),
  receiptNote: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** what the caller may do now (the receiving side confirms, the sending side cancels and records the receipt) */
  canConfirm: z.boolean(),
  canCancel: z.boolean(),
  canReceipt: z.boolean(),
});
export type TransferOutT = z.infer<typeof TransferOut>;

export const TransferListQuery = z.object({
  orgId: z.string().uuid('编号格式不正确').optional(),
  memberId: z.string().uuid('编号格式不正确').optional(),
  status: z.enum(TRANSFER_STATUSES).optional(),
  /** `in`: to the caller's orgs awaiting them; `out`: from them */
  direction: z.enum(['in', 'out']).optional(),
  open: z.enum(['0', '1']).optional(),
});
export type TransferListQueryT = z.infer<typeof TransferListQuery>;

export const IdParams = z.object({ id: z.string().uuid('编号格式不正确') });
export const DestinationQuery = z.object({ q: z.string().trim().max(60).optional() });
export const DestinationOut = z.array(z.object({ id: z.string(), name: z.string(), parentName: z.string().nullable() }));
