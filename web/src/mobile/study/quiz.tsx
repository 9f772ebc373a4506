import { useEffect, useState } from 'react';
import type { StartedQuiz } from '../../../../common/study.ts';
import { api } from '../../lib/api.ts';
import { post, type Question, type Review } from './study-api.ts';

type Started = StartedQuiz;
const KIND = { single: '单选', multiple: '多选', judge: '判断' } as const;
const letter = (i: number) => String.fromCharCode(65 + i);

/** 答题回顾: score, and each question with the member's answer, the right answer and the explanation. */
function ReviewView({ r }: { r: Review }) {
  return (
    <section className="m-card" aria-label="答题回顾">
      <div className="m-card-title">
        <span>{r.title}</span>
      </div>
      <p className="s-big" role="status">
        得分 {r.score}{' '}
        <small>
          （答对 {r.correct}/{r.total}，{r.passed ? '合格' : '未合格'}）
        </small>
      </p>
      <ol className="s-questions">
        {r.items.map((q) => (
          <li key={q.id} className={q.right ? 's-right' : 's-wrong'}>
            <div className="m-item-title">
              [{KIND[q.kind]}] {q.stem}
            </div>
            <div>
              您的答案：{q.given.length ? q.given.map(letter).join('') : '未作答'} {q.right ? '✓' : '✗'}
            </div>
            {!q.right && <div>正确答案：{q.answer.map((i) => `${letter(i)}. ${q.options[i]}`).join('；')}</div>}
            {!q.right && q.explanation && <div className="m-muted">解析：{q.explanation}</div>}
          </li>
        ))}
      </ol>
      <a className="m-button s-wide" href="/m/study">
        返回指尖课堂
      </a>
    </section>
  );
}

/** 答题: starts the attempt (the timer runs on the server), one card per question, hand in, then the review. */
export function QuizPage({ id }: { id: string }) {
  const reviewId = new URLSearchParams(window.location.search).get('review');
  const [started, setStarted] = useState<Started | null>(null);
  const [answers, setAnswers] = useState<Record<string, number[]>>({});
  const [review, setReview] = useState<Review | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [left, setLeft] = useState(0);

  useEffect(() => {
    if (reviewId) {
      api<Review>(`/api/m/study/attempts/${reviewId}`).then(setReview, (e: Error) => setNote(e.message));
      return;
    }
    post<Started>(`/api/m/study/quizzes/${id}/start`).then((r) => (r.ok ? setStarted(r.data) : setNote(r.message)));
  }, [id, reviewId]);
  useEffect(() => {
    if (!started) return;
    const tick = () => setLeft(Math.max(0, Math.floor((new Date(started.deadline).getTime() - Date.now()) / 1000)));
    tick();
    const t = window.setInterval(tick, 1000);
    return () => window.clearInterval(t);
  }, [started]);

  if (review) return <ReviewView r={review} />;
  if (!started) return <p className={note ? 'm-card m-warn' : 'm-muted m-center'}>{note ?? '正在加载…'}</p>;
  const choose = (q: Question, i: number) =>
    setAnswers((a) => {
      const cur = a[q.id] ?? [];
      if (q.kind !== 'multiple') return { ...a, [q.id]: [i] };
      return { ...a, [q.id]: cur.includes(i) ? cur.filter((x) => x !== i) : [...cur, i] };
    });
  const submit = async () => {
    const missing = started.questions.filter((q) => !answers[q.id]?.length).length;
    if (missing && !window.confirm(`还有 ${missing} 题未作答，确定交卷吗？`)) return;
    const r = await post<Review>(`/api/m/study/attempts/${started.attemptId}/submit`, { answers });
    if (r.ok) setReview(r.data);
    else setNote(r.message);
  };
  return (
    <section className="m-card" aria-label="答题">
      <div className="m-card-title">
        <span>{started.title}</span>
        <span className={left < 60 ? 's-behind' : ''} role="timer">
          剩余 {Math.floor(left / 60)}:{String(left % 60).padStart(2, '0')}
        </span>
      </div>
      {note && <p className="m-warn">{note}</p>}
      <ol className="s-questions">
        {started.questions.map((q) => (
          <li key={q.id}>
            <fieldset className="s-fieldset">
              <legend className="m-item-title">
                [{KIND[q.kind]}] {q.stem}
              </legend>
              {q.options.map((o, i) => (
                <label key={o} className="s-option">
                  <input
                    type={q.kind === 'multiple' ? 'checkbox' : 'radio'}
                    name={q.id}
                    checked={(answers[q.id] ?? []).includes(i)}
                    onChange={() => choose(q, i)}
                  />
                  {letter(i)}. {o}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="m-button s-wide s-sticky" onClick={submit}>
        交卷
      </button>
    </section>
  );
}
