import { type FormEvent, useState } from 'react';
import type { SelfStudyResult } from '../../../../common/study.ts';
import { STUDY_THEME_LABELS, STUDY_THEMES } from '../../../../common/study-labels.ts';
import { post, today } from './study-api.ts';

/** 登记自学: what was read, when, how long, and a short 心得 (at least 10 characters). */
export function SelfStudyForm() {
  const [f, setF] = useState({ title: '', theme: 'other', occurredOn: today(), minutes: 30, reflection: '' });
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: k === 'minutes' ? Number(e.target.value) : e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await post<SelfStudyResult>('/api/m/study/self-study', f);
    setNote(r.ok ? { ok: true, text: `已登记自学 ${r.data.minutes} 分钟` } : { ok: false, text: r.message });
    if (r.ok) setF({ ...f, title: '', reflection: '' });
  };
  return (
    <form className="m-card m-form" onSubmit={submit} aria-label="登记自学">
      <div className="m-card-title">
        <span>登记自学</span>
      </div>
      <label>
        学习内容
        <input
          value={f.title}
          onChange={set('title')}
          required
          minLength={2}
          maxLength={120}
          placeholder="如：《习近平谈治国理政》第四卷"
        />
      </label>
      <label>
        学习专题
        <select value={f.theme} onChange={set('theme')}>
          {STUDY_THEMES.map((t) => (
            <option key={t} value={t}>
              {STUDY_THEME_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label>
        学习日期
        <input type="date" value={f.occurredOn} max={today()} onChange={set('occurredOn')} required />
      </label>
      <label>
        时长（分钟）
        <input type="number" inputMode="numeric" min={1} max={480} value={f.minutes} onChange={set('minutes')} />
      </label>
      <label>
        学习心得
        <textarea value={f.reflection} onChange={set('reflection')} required minLength={10} maxLength={2000} rows={4} />
      </label>
      {note && (
        <p role="status" className={note.ok ? 'm-block' : 'm-warn'}>
          {note.text}
        </p>
      )}
      <button type="submit" className="m-button s-wide">
        提交
      </button>
    </form>
  );
}
