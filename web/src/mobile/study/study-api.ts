import { ApiError, api } from '../../lib/api.ts';

export type MyHours = {
  year: number;
  name: string;
  requiredHours: number;
  hours: number;
  paceHours: number;
  byForm: Record<string, number>;
  met: boolean;
  behind: boolean;
  leader: boolean;
  missingCentralized: boolean;
};
export type MyMaterial = {
  id: string;
  title: string;
  theme: string;
  orgName: string;
  publishedAt: string;
  readMinutes: number;
  maxCreditMinutes: number;
};
export type MyQuiz = {
  id: string;
  title: string;
  orgName: string;
  timeLimitMinutes: number;
  questionCount: number;
  closesAt: string;
  open: boolean;
  attemptId: string | null;
  score: number | null;
  submitted: boolean;
};
export type Question = { id: string; kind: 'single' | 'multiple' | 'judge'; stem: string; options: string[] };
export type Review = {
  attemptId: string;
  title: string;
  score: number;
  correct: number;
  total: number;
  passed: boolean;
  items: (Question & { given: number[]; answer: number[]; right: boolean; explanation: string | null })[];
};

/** POST helper for the study pages: returns the result or a Chinese error message. */
export async function post<T>(path: string, body?: unknown): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  try {
    return { ok: true, data: await api<T>(path, { method: 'POST', body }) };
  } catch (e) {
    return { ok: false, message: e instanceof ApiError ? e.message : '网络不稳定，请稍后重试' };
  }
}

/** Today's date in China Standard Time (YYYY-MM-DD). */
export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
