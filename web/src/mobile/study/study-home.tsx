import { STUDY_FORM_LABELS, STUDY_FORMS, STUDY_THEME_LABELS, type StudyTheme } from '../../../../common/study-labels.ts';
import { useApi } from '../use-api.ts';
import type { MyHours, MyMaterial, MyQuiz } from './study-api.ts';

/** 我的学时 as a progress bar against the requirement and the pace. */
function Hours({ h }: { h: MyHours }) {
  const pct = Math.min(100, Math.round((h.hours / Math.max(1, h.requiredHours)) * 100));
  const pace = Math.min(100, Math.round((h.paceHours / Math.max(1, h.requiredHours)) * 100));
  return (
    <section className="m-card" aria-label="我的学时">
      <div className="m-card-title">
        <span>{h.year} 年我的学时</span>
        <span className={h.met ? 's-ok' : h.behind ? 's-behind' : ''}>{h.met ? '已达标' : h.behind ? '进度落后' : '按进度'}</span>
      </div>
      <div className="s-big" data-testid="my-hours">
        {h.hours} <small>/ {h.requiredHours} 学时</small>
      </div>
      <div className="s-bar" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label="学时进度">
        <div className="s-bar-fill" style={{ width: `${pct}%` }} />
        <div className="s-bar-pace" style={{ left: `${pace}%` }} title={`按进度应达 ${h.paceHours} 学时`} />
      </div>
      <ul className="s-forms">
        {STUDY_FORMS.filter((f) => h.byForm[f] > 0).map((f) => (
          <li key={f}>
            {STUDY_FORM_LABELS[f]} <b>{h.byForm[f]}</b>
          </li>
        ))}
      </ul>
      {h.missingCentralized && <p className="m-warn">书记、委员每年至少参加一次集中培训，本年度尚未参加。</p>}
    </section>
  );
}

/** 指尖课堂首页: hours, the study tasks (materials not yet read, open quizzes) and quick actions. */
export function StudyHome() {
  const hours = useApi<MyHours>('/api/m/study/hours');
  const materials = useApi<MyMaterial[]>('/api/m/study/materials');
  const quizzes = useApi<MyQuiz[]>('/api/m/study/quizzes');
  const todoQuizzes = quizzes.data?.filter((q) => q.open && !q.submitted) ?? [];
  const done = quizzes.data?.filter((q) => q.submitted) ?? [];
  return (
    <>
      {hours.data && <Hours h={hours.data} />}
      {hours.error && <p className="m-card m-warn">{hours.error}</p>}
      <nav className="s-actions" aria-label="学习操作">
        <a className="s-action" href="/m/study/class">
          记录班组课堂
        </a>
        <a className="s-action" href="/m/study/self">
          登记自学
        </a>
      </nav>
      <section className="m-card" aria-label="待完成的测试">
        <div className="m-card-title">
          <span>学习测试</span>
        </div>
        {quizzes.data && !todoQuizzes.length && <p className="m-muted">暂无待完成的测试</p>}
        <ul className="m-list">
          {todoQuizzes.map((q) => (
            <li key={q.id}>
              <a className="s-row" href={`/m/study/quizzes/${q.id}`}>
                <span className="m-item-title">{q.title}</span>
                <span className="m-muted">
                  {q.questionCount} 题 · 限时 {q.timeLimitMinutes} 分钟 · {q.closesAt.slice(0, 10)} 截止
                </span>
              </a>
            </li>
          ))}
          {done.map((q) => (
            <li key={q.id}>
              <a className="s-row" href={`/m/study/quizzes/${q.id}?review=${q.attemptId}`}>
                <span className="m-item-title">{q.title}</span>
                <span className="m-muted">已交卷 · 得分 {q.score} · 查看答题回顾</span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section className="m-card" aria-label="学习资料">
        <div className="m-card-title">
          <span>学习资料</span>
        </div>
        {materials.loading && <p className="m-muted">正在加载…</p>}
        {materials.data && !materials.data.length && <p className="m-muted">暂无学习资料</p>}
        <ul className="m-list">
          {materials.data?.map((m) => (
            <li key={m.id}>
              <a className="s-row" href={`/m/study/materials/${m.id}`}>
                <span className="m-item-title">{m.title}</span>
                <span className="m-muted">
                  {STUDY_THEME_LABELS[m.theme as StudyTheme] ?? m.theme} · {m.orgName} ·{' '}
                  {m.readMinutes >= m.maxCreditMinutes ? '已学完' : m.readMinutes > 0 ? `已学 ${m.readMinutes} 分钟` : '未学习'}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
