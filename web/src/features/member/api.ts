import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Correction,
  Gender,
  HistoryEntry,
  ImportError,
  ImportResult,
  Member,
  MemberCategory,
  MemberCreate,
  MemberPage,
  MemberUnmasked,
  MemberUpdate,
} from '../../../../common/member.ts';

export type { Change, Correction, HistoryEntry, ImportError, ImportResult, Member } from '../../../../common/member.ts';

import { api } from '../../lib/api.ts';

export type MemberFilter = {
  orgId?: string;
  q?: string;
  category?: MemberCategory;
  gender?: Gender;
  ethnicity?: string;
  education?: string;
  ageMin?: number;
  ageMax?: number;
  standingMin?: number;
  standingMax?: number;
};
export type MemberQuery = MemberFilter & { page: number; pageSize: number; sort?: string; order?: 'asc' | 'desc' };
const KEY = ['members'] as const;

/** One page of the roster for the current filter. */
export function useMembers(q: MemberQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', q],
    queryFn: () => api<MemberPage>('/api/members', { query: q }),
    placeholderData: keepPreviousData,
  });
}

export function useMember(id: string | null) {
  return useQuery({ queryKey: [...KEY, 'one', id], queryFn: () => api<Member>(`/api/members/${id}`), enabled: !!id });
}

export function useMemberHistory(id: string | null) {
  return useQuery({ queryKey: [...KEY, 'history', id], queryFn: () => api<HistoryEntry[]>(`/api/members/${id}/history`), enabled: !!id });
}

export function useCorrections(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'corrections'], queryFn: () => api<Correction[]>('/api/members/corrections'), enabled });
}

/** Create, edit and the correction decisions; each refreshes the roster. */
export function useMemberMutations() {
  const qc = useQueryClient();
  // the org tree shows member counts, so it refreshes with the roster
  const onSuccess = () => Promise.all([qc.invalidateQueries({ queryKey: KEY }), qc.invalidateQueries({ queryKey: ['orgs'] })]);
  return {
    create: useMutation({ mutationFn: (body: MemberCreate) => api<Member>('/api/members', { method: 'POST', body }), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, ...body }: MemberUpdate & { id: string }) => api<Member>(`/api/members/${id}`, { method: 'PATCH', body }),
      onSuccess,
    }),
    decide: useMutation({
      mutationFn: ({ id, approve, note }: { id: string; approve: boolean; note?: string }) =>
        api<Correction>(`/api/members/corrections/${id}/${approve ? 'approve' : 'reject'}`, { method: 'POST', body: note ? { note } : {} }),
      onSuccess,
    }),
    refresh: onSuccess,
  };
}

/** 查看完整信息 (audited on the server, 50 an hour). */
export const unmask = (id: string) => api<MemberUnmasked>(`/api/members/${id}/unmask`, { method: 'POST' });

/** Exact look-up by ID number, sent in a POST body (never in a URL). */
export const lookup = (idNumber: string) => api<Member>('/api/members/lookup', { method: 'POST', body: { idNumber } });

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; message: string; errors: ImportError[] };

/**
 * Uploads an import file with upload progress (XMLHttpRequest: fetch reports none); `onPhase('checking')` once the
 * bytes are sent and the server is validating.
 */
export function uploadImport(
  file: File,
  csrf: string | null,
  onProgress: (pct: number) => void,
  onPhase: (p: 'checking') => void,
): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/members/import');
    xhr.withCredentials = true;
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.upload.onload = () => onPhase('checking');
    xhr.onerror = () => reject(new Error('无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      let body: { code?: string; message?: string; errors?: ImportError[] } & Partial<ImportResult> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // non-JSON (proxy) errors fall through to the generic message
      }
      if (xhr.status === 200) resolve({ ok: true, result: body as ImportResult });
      else if (body.code === 'IMPORT_INVALID') resolve({ ok: false, message: body.message ?? '导入文件有错误', errors: body.errors ?? [] });
      else reject(new Error(body.message ?? `导入失败（${xhr.status}）`));
    };
    const fd = new FormData();
    fd.append('file', file);
    xhr.send(fd);
  });
}
