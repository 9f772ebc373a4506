import { MemberCreateSchema } from './member.ts';
import { named } from './named.ts';
import { z } from './zod-locale.ts';

export const TRANSFER_KINDS = ['internal', 'out', 'in'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export const TRANSFER_KIND_LABELS: Record<TransferKind, string> = { internal: '系统内转接', out: '转出系统外', in: '从系统外转入' };

export const TRANSFER_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled', 'letter_issued', 'receipt_received', 'expired'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  pending: '待接收方确认',
  confirmed: '已转入',
  rejected: '接收方退回',
  cancelled: '已撤销',
  letter_issued: '已开具介绍信',
  receipt_received: '已收到回执',
  expired: '介绍信已过期',
};

const reason = z.string().trim().min(2, '请填写转接原因（如工作调动）').max(200, '转接原因不能超过 200 个字');
const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '党费交至应为 YYYY-MM，如 2026-03');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** 系统内转接: the sending side names the receiving branch; the receiving side confirms. */
export const InternalTransferSchema = z.object({
  memberId: z.string().uuid('请选择党员'),
  toOrgId: z.string().uuid('请选择接收党支部'),
  reason,
});
export type InternalTransfer = z.infer<typeof InternalTransferSchema>;

/** 转出系统外: an introduction letter to an org outside the platform. */
export const OutTransferSchema = z.object({
  memberId: z.string().uuid('请选择党员'),
  toOrgName: z.string().trim().min(4, '请填写接收党组织全称').max(80, '接收党组织名称不能超过 80 个字'),
  reason,
  duesPaidUntil: yearMonth,
  /** across provinces: the longer validity, when the rule table enables it */
  crossProvince: z.boolean().optional(),
});
export type OutTransfer = z.infer<typeof OutTransferSchema>;

/** 从系统外转入: the member's record plus the incoming letter. */
export const InTransferSchema = z.object({
  member: MemberCreateSchema,
  fromOrgName: z.string().trim().min(4, '请填写转出党组织全称').max(80, '转出党组织名称不能超过 80 个字'),
  letterNo: z.string().trim().max(40, '介绍信编号不能超过 40 个字').nullish(),
  duesPaidUntil: yearMonth,
  reason,
});
export type InTransfer = z.infer<typeof InTransferSchema>;

export const DecisionSchema = z.object({ note: z.string().trim().max(200, '说明不能超过 200 个字').nullish() });
export const RejectSchema = z.object({ note: z.string().trim().min(2, '请说明退回原因').max(200, '说明不能超过 200 个字') });
export const ReceiptSchema = z.object({
  receivedOn: date,
  note: z.string().trim().max(200, '说明不能超过 200 个字').nullish(),
});

// ---- the API contract of /api/transfers

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

named('transfer', {
  TransferDecision: DecisionSchema,
  DestinationOut,
  InTransfer: InTransferSchema,
  InternalTransfer: InternalTransferSchema,
  OutTransfer: OutTransferSchema,
  TransferReceipt: ReceiptSchema,
  TransferReject: RejectSchema,
  TransferOut,
});

export type Transfer = z.infer<typeof TransferOut>;

export type Destinations = z.infer<typeof DestinationOut>;

export type TransferQuery = TransferListQueryT;
