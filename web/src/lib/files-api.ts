import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StoredFile } from '../../../common/files.ts';
import { api } from './api.ts';

export type { StoredFile } from '../../../common/files.ts';
export type Owner = { ownerType: string; ownerId: string; orgId: string };

/** Upload limits of the platform (security.md §1.1 row 10); the server enforces them again. */
export const FILE_ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';
export const FILE_MAX_BYTES = 20 * 1024 * 1024;

const key = (o: Owner) => ['files', o.ownerType, o.ownerId] as const;

/** Attachments of one owner object. */
export function useFiles(o: Owner, enabled = true) {
  return useQuery({
    queryKey: key(o),
    queryFn: () => api<StoredFile[]>('/api/files', { query: { ownerType: o.ownerType, ownerId: o.ownerId } }),
    enabled,
  });
}

/** Upload (multipart: file, orgId, ownerType, ownerId) and delete, refreshing the owner's list. */
export function useFileMutations(o: Owner) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: key(o) });
  return {
    upload: useMutation({
      mutationFn: (file: File) => {
        const fd = new FormData();
        fd.set('orgId', o.orgId);
        fd.set('ownerType', o.ownerType);
        fd.set('ownerId', o.ownerId);
        fd.set('file', file);
        return api<StoredFile>('/api/files', { method: 'POST', body: fd });
      },
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api(`/api/files/${id}`, { method: 'DELETE' }), onSuccess }),
  };
}
