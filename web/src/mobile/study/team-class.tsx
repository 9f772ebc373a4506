import qrcode from 'qrcode-generator';
import { type FormEvent, useState } from 'react';
import type { RecordedClass } from '../../../../common/study.ts';
import type { Me } from '../../lib/auth.ts';
import { useApi } from '../use-api.ts';
import { post } from './study-api.ts';

type Recorded = RecordedClass;
const LAST_TEAM = 'lq.study.team';

/**
 * 记录班组10分钟课堂, made to take under a minute with one thumb: topic, lecturer (defaults to me), team (remembered),
 * minutes (10), tick who is present; the others scan the QR code shown afterwards.
 */
export function TeamClassForm({ me }: { me: Me }) {
  const team = useApi<{ id: string; name: string }[]>('/api/m/study/team');
  const [title, setTitle] = useState('');
  const [lecturer, setLecturer] = useState(me.user.name);
  const [teamName, setTeamName] = useState(() => localStorage.getItem(LAST_TEAM) ?? '');
  const [minutes, setMinutes] = useState(10);
  const [ticked, setTicked] = useState<string[]>([]);
  const [done, setDone] = useState<Recorded | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await post<Recorded>('/api/m/study/classes', { title, lecturer, teamName, minutes, attendeeIds: ticked });
    setBusy(false);
    if (!r.ok) return setNote(r.message);
    localStorage.setItem(LAST_TEAM, teamName);
    setDone(r.data);
  };

  if (done) {
    const qr = qrcode(0, 'M');
    qr.addData(`${window.location.origin}${done.url}`);
    qr.make();
    return (
      <section className="m-card m-center" aria-label="课堂已记录">
        <p className="s-big" role="status">
          已记录：{done.title}
        </p>
        <p>已登记 {done.attendees} 人。其他参加的党员请用手机扫描下方二维码签到：</p>
        <img className="s-qr" src={qr.createDataURL(6, 8)} alt="课堂签到二维码" />
        <p className="m-muted">签到截至 {new Date(done.checkinUntil).toTimeString().slice(0, 5)}</p>
        <a className="m-button s-wide" href="/m/study">
          完成
        </a>
      </section>
    );
  }
  return (
    <form className="m-card m-form" onSubmit={submit} aria-label="记录班组10分钟课堂">
      <div className="m-card-title">
        <span>班组10分钟课堂</span>
      </div>
      <label>
        课堂主题
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          minLength={2}
          maxLength={120}
          placeholder="如：安全生产与党员责任区"
        />
      </label>
      <label>
        讲课人
        <input value={lecturer} onChange={(e) => setLecturer(e.target.value)} required maxLength={40} />
      </label>
      <label>
        班组
        <input value={teamName} onChange={(e) => setTeamName(e.target.value)} required maxLength={60} placeholder="如：客房部早班" />
      </label>
      <label>
        时长（分钟）
        <input type="number" inputMode="numeric" min={1} max={120} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} />
      </label>
      <fieldset className="s-fieldset">
        <legend>在场党员（本人自动登记）</legend>
        {team.data
          ?.filter((p) => p.id !== me.user.memberId)
          .map((p) => (
            <label key={p.id} className="s-option">
              <input
                type="checkbox"
                checked={ticked.includes(p.id)}
                onChange={() => setTicked((t) => (t.includes(p.id) ? t.filter((x) => x !== p.id) : [...t, p.id]))}
              />
              {p.name}
            </label>
          ))}
      </fieldset>
      {note && <p className="m-warn">{note}</p>}
      <button type="submit" className="m-button s-wide s-sticky" disabled={busy}>
        {busy ? '正在保存…' : '保存并生成签到码'}
      </button>
    </form>
  );
}
