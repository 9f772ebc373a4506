import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingStatus, MeetingTemplateT, MeetingType } from '../../../../common/meeting.ts';
import { api } from '../../lib/api.ts';

export type MeetingRow = {
  id: string;
  orgId: string;
  orgName: string;
  type: MeetingType;
  title: string;
  status: MeetingStatus;
  startsAt: string;
  endsAt: string;
  place: string;
  hasFirstTopic: boolean;
};
export type AgendaItem = {
  id?: string;
  kind: 'first_topic' | 'regular';
  title: string;
  topicId?: string | null;
  topicTitle?: string | null;
  form?: string | null;
  summary?: string | null;
};
export type Attendance = {
  memberId: string;
  name: string;
  category: string;
  status: 'expected' | 'present' | 'absent' | 'leave';
  reason: string | null;
  via: string | null;
};
export type Vote = { motion: string; votesFor: number; votesAgainst: number; abstain: number; passed?: boolean };
export type Meeting = MeetingRow & {
  host: string;
  recorder: string;
  sections: Record<string, string>;
  minutes: string | null;
  voting: boolean;
  votes: Vote[];
  countsAs: string[];
  version: number;
  agenda: AgendaItem[];
  attendance: Attendance[];
  counts: { expected: number; present: number; absent: number; leave: number };
  quorum: { entitled: number; present: number; required: number; met: boolean };
  check: { missing: string[]; flags: string[] };
  reviews: { action: 'submit' | 'return' | 'approve'; comment: string | null; byName: string | null; at: string }[];
  canEdit: boolean;
  canReview: boolean;
};
export type Topic = {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  source: string;
  publishedOn: string;
  material: string | null;
  pushedAt: string | null;
  canEdit: boolean;
};
export type FollowUp = {
  id: string;
  measure: string;
  ownerName: string;
  deadline: string;
  status: 'open' | 'done';
  result: string | null;
  overdue: boolean;
  orgName: string;
  meetingTitle: string;
  meetingId: string;
};
export type CellStatus = 'green' | 'yellow' | 'red' | 'grey';

export function useMeetings(q: { orgId?: string; type?: string; status?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: ['meetings', q], queryFn: () => api<{ items: MeetingRow[]; total: number }>('/api/meetings', { query: q }) });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: ['meeting', id], queryFn: () => api<Meeting>(`/api/meetings/${id}`) });
}

export function useTemplates() {
  return useQuery({
    queryKey: ['meeting-templates'],
    queryFn: () => api<Record<MeetingType, MeetingTemplateT>>('/api/meeting-templates'),
    staleTime: 60_000,
  });
}

export function useTopics(year?: number) {
  return useQuery({ queryKey: ['first-topics', year], queryFn: () => api<Topic[]>('/api/first-topics', { query: { year } }) });
}

export function useFollowUps(q: { meetingId?: string; orgId?: string; overdue?: '1' }) {
  return useQuery({ queryKey: ['follow-ups', q], queryFn: () => api<FollowUp[]>('/api/follow-ups', { query: q }) });
}

/** Every write on one meeting; each answers the fresh record, which replaces the cached one. */
export function useMeetingActions(id: string) {
  const qc = useQueryClient();
  const done = (m: Meeting) => {
    qc.setQueryData(['meeting', id], m);
    for (const key of ['meetings', 'heat', 'cal', 'ledger']) qc.invalidateQueries({ queryKey: [key] });
  };
  const call = (path: string, method: 'POST' | 'PUT' | 'PATCH') => (body?: unknown) =>
    api<Meeting>(`/api/meetings/${id}${path}`, { method, body });
  return {
    patch: useMutation({ mutationFn: call('', 'PATCH'), onSuccess: done }),
    agenda: useMutation({ mutationFn: call('/agenda', 'PUT'), onSuccess: done }),
    attendance: useMutation({ mutationFn: call('/attendance', 'PUT'), onSuccess: done }),
    hold: useMutation({ mutationFn: call('/hold', 'POST'), onSuccess: done }),
    submit: useMutation({ mutationFn: call('/submit', 'POST'), onSuccess: done }),
    review: useMutation({ mutationFn: call('/review', 'POST'), onSuccess: done }),
    followUp: useMutation({
      mutationFn: (body: unknown) => api<FollowUp>(`/api/meetings/${id}/follow-ups`, { method: 'POST', body }),
      onSuccess: () => qc.invalidateQueries({ queryKey: ['follow-ups'] }),
    }),
  };
}

export function usePlanMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api<Meeting>('/api/meetings', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['meetings'] }),
  });
}

export function useTopicMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['first-topics'] });
  return {
    create: useMutation({ mutationFn: (body: unknown) => api<Topic>('/api/first-topics', { method: 'POST', body }), onSuccess }),
    push: useMutation({ mutationFn: (id: string) => api<Topic>(`/api/first-topics/${id}/push`, { method: 'POST' }), onSuccess }),
  };
}

export const STATUS_COLORS: Record<CellStatus, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', grey: '#d9d9d9' };
export const STATUS_LABELS: Record<CellStatus, string> = { green: '已召开', yellow: '应召开未召开', red: '未按期召开', grey: '未到期' };
