import { named } from './named.ts';
import { z } from './zod-locale.ts';

/** Duties on a 支部委员会 / 领导班子 (domain.md §1.1). */
export const DUTIES = [
  'secretary',
  'deputy_secretary',
  'organization_officer',
  'publicity_officer',
  'discipline_officer',
  'member',
] as const;
export type Duty = (typeof DUTIES)[number];
export const DUTY_LABELS: Record<Duty, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization_officer: '组织委员',
  publicity_officer: '宣传委员',
  discipline_officer: '纪检委员',
  member: '委员',
};

export const TERM_STATE_LABELS = { ok: '任期内', due: '即将届满', overdue: '逾期未换届' } as const;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

const seat = z.object({
  memberId: z.string().uuid('请选择委员'),
  duty: z.enum(DUTIES, { message: '请选择职务' }),
  dutyNote: z.string().trim().max(40, '分工说明不能超过 40 个字').nullish(),
});

/** The roster of a committee: one 书记, no one twice. */
export const CommitteeSeatsSchema = z
  .array(seat)
  .min(1, '请至少填写书记')
  .max(15, '委员人数过多')
  .superRefine((seats, c) => {
    const secretaries = seats.filter((s) => s.duty === 'secretary').length;
    if (secretaries !== 1) c.addIssue({ code: 'custom', message: `应有且只有 1 名书记（现有 ${secretaries} 名）` });
    if (new Set(seats.map((s) => s.memberId)).size !== seats.length) c.addIssue({ code: 'custom', message: '同一名党员不能重复任职' });
  });

/** Recording an election (换届选举): the date and the new roster; the term follows from the rule table. */
export const CommitteeCreateSchema = z
  .object({
    electedOn: date,
    members: CommitteeSeatsSchema,
    /** 应到会 and 实到会 of the election meeting */
    votersEntitled: z.number().int().min(1, '应到人数至少为 1').max(100_000).nullish(),
    votersPresent: z.number().int().min(0).max(100_000).nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .superRefine((v, c) => {
    if ((v.votersEntitled == null) !== (v.votersPresent == null))
      c.addIssue({ code: 'custom', path: ['votersPresent'], message: '应到人数和实到人数请同时填写' });
    else if (v.votersEntitled != null && v.votersPresent != null && v.votersPresent > v.votersEntitled)
      c.addIssue({ code: 'custom', path: ['votersPresent'], message: '实到人数不能多于应到人数' });
  });
export type CommitteeCreate = z.infer<typeof CommitteeCreateSchema>;

/** Mid-term changes (补选, 调整分工). */
export const CommitteeUpdateSchema = z.object({
  members: CommitteeSeatsSchema.optional(),
  note: z.string().trim().max(500).nullish(),
  version: z.number().int(),
});
export type CommitteeUpdate = z.infer<typeof CommitteeUpdateSchema>;

/** 延期换届: the new end, why, and the higher approval. */
export const PostponeSchema = z.object({
  postponedTo: date,
  reason: z.string().trim().min(4, '请写明延期原因（至少 4 个字）').max(500),
  approvedBy: z.string().trim().min(2, '请填写批准机关').max(60),
  approvedOn: date,
  docNo: z.string().trim().max(60).nullish(),
});
export type Postpone = z.infer<typeof PostponeSchema>;

// ---- the API contract of /api/committees

export const SeatOut = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string(),
  category: z.enum(['full', 'probationary']),
  duty: z.enum(DUTIES),
  dutyNote: z.string().nullable(),
});

export const CommitteeOut = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  electedOn: z.string(),
  termYears: z.number(),
  termEndsOn: z.string(),
  postponedTo: z.string().nullable(),
  /** the end in force (postponed or as elected) */
  endsOn: z.string(),
  postpone: z.object({ reason: z.string(), approvedBy: z.string(), approvedOn: z.string(), docNo: z.string().nullable() }).nullable(),
  status: z.enum(['current', 'ended']),
  endedOn: z.string().nullable(),
  votersEntitled: z.number().nullable(),
  votersPresent: z.number().nullable(),
  termState: z.enum(['ok', 'due', 'overdue', 'ended']),
  /** for `due`: the reminder window it is in (6, 3 or 1 months before the end) */
  monthsBefore: z.number().nullable(),
  daysOverdue: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  members: z.array(SeatOut),
});
export type CommitteeOutT = z.infer<typeof CommitteeOut>;

export const OrgIdParams = z.object({ orgId: z.string().uuid('编号格式不正确') });
export const IdParams = z.object({ id: z.string().uuid('编号格式不正确') });
export const TermListQuery = z.object({
  orgId: z.string().uuid('编号格式不正确').optional(),
  state: z.enum(['due', 'overdue', 'attention']).optional(),
});

named('committee', {
  CommitteeCreate: CommitteeCreateSchema,
  CommitteeOut,
  CommitteeUpdate: CommitteeUpdateSchema,
  CommitteePostpone: PostponeSchema,
});

export type Committee = z.infer<typeof CommitteeOut>;
export type Seat = z.infer<typeof SeatOut>;
