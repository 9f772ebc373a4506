import { ApiError, api } from '../../lib/api.ts';

export type { MyHours, MyMaterial, MyQuestion as Question, MyQuiz, QuizReview as Review } from '../../../../common/study.ts';

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
