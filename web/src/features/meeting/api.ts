import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarStatus, FollowUp, Meeting, MeetingPageT, MeetingTemplateT, MeetingType, Topic } from '../../../../common/meeting.ts';
import { api } from '../../lib/api.ts';

export type {
  AgendaItem,
  Attendance,
  CalendarStatus as CellStatus,
  FollowUp,
  Meeting,
  MeetingRow,
  Topic,
  VoteRow as Vote,
} from '../../../../common/meeting.ts';

export function useMeetings(q: { orgId?: string; type?: string; status?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: ['meetings', q], queryFn: () => api<MeetingPageT>('/api/meetings', { query: q }) });
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

export const STATUS_COLORS: Record<CalendarStatus, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d', grey: '#d9d9d9' };
export const STATUS_LABELS: Record<CalendarStatus, string> = { green: '已召开', yellow: '应召开未召开', red: '未按期召开', grey: '未到期' };
