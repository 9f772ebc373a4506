/** One question as scored: the correct option indexes. */
export type Key = { id: string; answer: number[] };

/** The marking of one answered question. */
export type Marked = { questionId: string; given: number[]; answer: number[]; right: boolean };

const same = (a: number[], b: number[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/**
 * Scores an attempt: a question is right only when the chosen options equal the key exactly (多选题 with a missing or
 * an extra option is wrong); the score is the share of right answers out of 100, rounded.
 */
export function scoreAttempt(keys: Key[], answers: Record<string, number[]>) {
  const items: Marked[] = keys.map((k) => {
    const given = [...new Set(answers[k.id] ?? [])].sort((a, b) => a - b);
    return { questionId: k.id, given, answer: k.answer, right: given.length > 0 && same(given, k.answer) };
  });
  const correct = items.filter((i) => i.right).length;
  return { items, correct, total: keys.length, score: keys.length ? Math.round((correct * 100) / keys.length) : 0 };
}

/** Seconds of grace after the time limit for the network; later answers are not accepted. */
export const SUBMIT_GRACE_SECONDS = 30;
