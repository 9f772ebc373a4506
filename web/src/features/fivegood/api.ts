import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assessment,
  AssessmentRowT as AssessmentRow,
  AssessmentStatus,
  Board,
  Campaign,
  CampaignCreate,
  Proposal,
  Rating,
  Rectification,
  Review,
  RubricContent,
  RubricVersion,
  SelfAssess,
} from '../../../../common/fivegood.ts';
import { api } from '../../lib/api.ts';

export type {
  Assessment,
  AssessmentRowT as AssessmentRow,
  Board,
  BoardSummary as Summary,
  Campaign,
  DeadlinesT as Deadlines,
  GradeResult,
  Proposal,
  Rating,
  Rectification,
  RubricVersion,
  ScoreEntry,
} from '../../../../common/fivegood.ts';

export const useRubrics = () =>
  useQuery({ queryKey: ['fivegood', 'rubrics'], queryFn: () => api<RubricVersion[]>('/api/fivegood/rubrics') });
export const useCampaigns = () =>
  useQuery({ queryKey: ['fivegood', 'campaigns'], queryFn: () => api<Campaign[]>('/api/fivegood/campaigns') });
export const useAssessments = (campaignId: string | undefined, status?: AssessmentStatus) =>
  useQuery({
    queryKey: ['fivegood', 'assessments', campaignId, status],
    queryFn: () => api<AssessmentRow[]>(`/api/fivegood/campaigns/${campaignId}/assessments`, { query: { status } }),
    enabled: !!campaignId,
  });
export const useAssessment = (id: string | undefined) =>
  useQuery({ queryKey: ['fivegood', 'assessment', id], queryFn: () => api<Assessment>(`/api/fivegood/assessments/${id}`), enabled: !!id });
export const useProposals = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: ['fivegood', 'proposals', id],
    queryFn: () => api<Proposal[]>(`/api/fivegood/assessments/${id}/proposals`),
    enabled: !!id && enabled,
  });
export const useBoard = (campaignId: string | undefined, orgId?: string) =>
  useQuery({
    queryKey: ['fivegood', 'board', campaignId, orgId],
    queryFn: () => api<Board>(`/api/fivegood/campaigns/${campaignId}/board`, { query: { orgId } }),
    enabled: !!campaignId,
  });
export const useRatings = (q: { orgId?: string; plaques?: boolean }) =>
  useQuery({
    queryKey: ['fivegood', 'ratings', q],
    queryFn: () => api<Rating[]>('/api/fivegood/ratings', { query: { orgId: q.orgId, plaques: q.plaques ? '1' : undefined } }),
  });
export const useRectifications = (q: { orgId?: string; status?: 'open' | 'closed' }) =>
  useQuery({
    queryKey: ['fivegood', 'rectifications', q],
    queryFn: () => api<Rectification[]>('/api/fivegood/rectifications', { query: q }),
  });

/** Every write of the module; each refreshes everything under ['fivegood']. */
export function useFivegoodMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['fivegood'] });
  const post = <T>(path: string, body?: unknown, method: 'POST' | 'PUT' = 'POST') => api<T>(path, { method, body });
  return {
    saveRubric: useMutation({ onSuccess, mutationFn: (b: { content: RubricContent; note: string }) => post('/api/fivegood/rubrics', b) }),
    importRubric: useMutation({
      onSuccess,
      mutationFn: (b: { format: 'yaml' | 'xlsx'; data: string; baseId?: string; note: string }) => post('/api/fivegood/rubrics/import', b),
    }),
    launch: useMutation({ onSuccess, mutationFn: (b: CampaignCreate) => post('/api/fivegood/campaigns', b) }),
    publicize: useMutation({
      onSuccess,
      mutationFn: (x: { id: string; from: string }) => post(`/api/fivegood/campaigns/${x.id}/publicize`, { from: x.from }),
    }),
    name: useMutation({ onSuccess, mutationFn: (id: string) => post(`/api/fivegood/campaigns/${id}/name`) }),
    saveSelf: useMutation({
      onSuccess,
      mutationFn: (x: { id: string; body: SelfAssess }) => post(`/api/fivegood/assessments/${x.id}/self`, x.body, 'PUT'),
    }),
    submit: useMutation({ onSuccess, mutationFn: (id: string) => post(`/api/fivegood/assessments/${id}/submit`) }),
    saveReview: useMutation({
      onSuccess,
      mutationFn: (x: { id: string; body: Review }) => post(`/api/fivegood/assessments/${x.id}/review`, x.body, 'PUT'),
    }),
    returnIt: useMutation({
      onSuccess,
      mutationFn: (x: { id: string; reason: string }) => post(`/api/fivegood/assessments/${x.id}/return`, { reason: x.reason }),
    }),
    forward: useMutation({
      onSuccess,
      mutationFn: (x: { id: string; reason: string }) => post(`/api/fivegood/assessments/${x.id}/forward`, { reason: x.reason }),
    }),
    confirm: useMutation({
      onSuccess,
      mutationFn: (x: { id: string; reason: string; vetoes: string[] }) =>
        post(`/api/fivegood/assessments/${x.id}/confirm`, { reason: x.reason, vetoes: x.vetoes }),
    }),
    object: useMutation({
      onSuccess,
      mutationFn: (x: { id: string; content: string }) => post(`/api/fivegood/assessments/${x.id}/objections`, { content: x.content }),
    }),
    resolve: useMutation({
      onSuccess,
      mutationFn: (x: { id: string; upheld: boolean; resolution: string }) =>
        post(`/api/fivegood/objections/${x.id}/resolve`, { upheld: x.upheld, resolution: x.resolution }),
    }),
    veto: useMutation({
      onSuccess,
      mutationFn: (b: { orgId: string; conditionKey: string; occurredOn: string; reason: string }) => post('/api/fivegood/vetoes', b),
    }),
    addRect: useMutation({
      onSuccess,
      mutationFn: (b: { orgId: string; item: string; owner: string; deadline: string }) => post('/api/fivegood/rectifications', b),
    }),
    closeRect: useMutation({
      onSuccess,
      mutationFn: (x: { id: string; note: string }) => post(`/api/fivegood/rectifications/${x.id}/close`, { note: x.note }),
    }),
  };
}
