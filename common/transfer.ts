import { MemberCreateSchema } from './member.ts';
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
