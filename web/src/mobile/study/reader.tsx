import { useEffect, useRef, useState } from 'react';
import type { OpenedMaterial, ReadingBeat } from '../../../../common/study.ts';
import { READING_BEAT_SECONDS, STUDY_THEME_LABELS, type StudyTheme } from '../../../../common/study-labels.ts';
import { post } from './study-api.ts';

type Opened = OpenedMaterial;
type Beat = ReadingBeat;

/** The reader is "active" when the member touched, scrolled or typed within this many seconds. */
const ACTIVE_WINDOW_MS = 90_000;

/**
 * 阅读学习资料: opens a reading session and sends a heartbeat every interval while the page is visible. The server
 * decides the credit from its own clock; the page only says whether it was visible and whether the reader was active.
 */
export function Reader({ id }: { id: string }) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [seconds, setSeconds] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const lastActivity = useRef(Date.now());

  useEffect(() => {
    post<Opened>(`/api/m/study/materials/${id}/read`).then((r) => {
      if (!r.ok) return setNote(r.message);
      setOpened(r.data);
      setSeconds(r.data.readSeconds);
    });
  }, [id]);

  useEffect(() => {
    if (!opened) return;
    let stopped = false;
    const beat = async (visible: boolean) => {
      if (stopped) return;
      const active = Date.now() - lastActivity.current < ACTIVE_WINDOW_MS;
      const r = await post<Beat>(`/api/m/study/reading/${opened.sessionId}/beat`, { visible, active: visible && active });
      if (!r.ok) {
        stopped = true;
        return setNote(r.message);
      }
      setSeconds(r.data.materialSeconds);
      if (r.data.capReached) setNote('本资料的线上学习学时已计满');
    };
    const mark = () => {
      lastActivity.current = Date.now();
    };
    // leaving the page closes the visible stretch; coming back reports the hidden stretch, which earns nothing
    const onVisibility = () => beat(document.visibilityState !== 'visible');
    const timer = window.setInterval(() => document.visibilityState === 'visible' && beat(true), READING_BEAT_SECONDS * 1000);
    document.addEventListener('visibilitychange', onVisibility);
    for (const ev of ['touchstart', 'scroll', 'keydown', 'pointerdown', 'wheel']) window.addEventListener(ev, mark, { passive: true });
    return () => {
      stopped = true;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      for (const ev of ['touchstart', 'scroll', 'keydown', 'pointerdown', 'wheel']) window.removeEventListener(ev, mark);
    };
  }, [opened]);

  if (!opened) return <p className={note ? 'm-card m-warn' : 'm-muted m-center'}>{note ?? '正在打开…'}</p>;
  const m = opened.material;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return (
    <article className="m-card s-article">
      <h1 className="s-title">{m.title}</h1>
      <p className="m-muted">
        {STUDY_THEME_LABELS[m.theme as StudyTheme] ?? m.theme} · {m.orgName} · {m.publishedAt.slice(0, 10)}
      </p>
      <p className="s-timer" role="status" aria-label="已计学习时长">
        已计学习 {minutes} 分 {rest} 秒（最多 {m.maxCreditMinutes} 分钟）
      </p>
      {note && <p className="m-warn">{note}</p>}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the body is sanitised on the server by an allowlist */}
      <div className="s-body" dangerouslySetInnerHTML={{ __html: m.bodyHtml }} />
      {m.links.length > 0 && (
        <ul className="m-list">
          {m.links.map((l) => (
            <li key={l.url}>
              <a className="m-link" href={l.url} target="_blank" rel="noopener noreferrer">
                {l.title}
              </a>
            </li>
          ))}
        </ul>
      )}
      {m.files.length > 0 && (
        <ul className="m-list" aria-label="附件">
          {m.files.map((f) => (
            <li key={f.id}>
              <a className="m-link" href={`/api/m/study/materials/${id}/files/${f.id}`} target="_blank" rel="noopener noreferrer">
                附件：{f.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p className="m-muted">页面在前台并有阅读操作时计时；切到其他应用或长时间未操作不计时。</p>
    </article>
  );
}
