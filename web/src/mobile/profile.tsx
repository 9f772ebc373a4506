import { type FormEvent, useEffect, useState } from 'react';
import { isMobilePhone } from '../../../common/idcard.ts';
import { CATEGORY_LABELS, EDUCATIONS, ETHNICITIES, GENDER_LABELS } from '../../../common/member-labels.ts';
import type { Correction, Member } from '../features/member/api.ts';
import { ApiError, api, setCsrfToken } from '../lib/api.ts';
import type { Me } from '../lib/auth.ts';
import { useApi } from './use-api.ts';

const STATUS = { pending: '待支部书记审核', approved: '已通过', rejected: '未通过' } as const;
type Draft = { name: string; ethnicity: string; education: string; phone: string; position: string; reason: string };

/** 我的档案 (/m/profile): the member's own record, masked, and a correction request the branch secretary approves. */
export function ProfilePage() {
  const me = useApi<Me>('/api/auth/me');
  const mine = useApi<{ member: Member; requests: Correction[] }>('/api/me/member');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (me.data) setCsrfToken(me.data.csrfToken);
  }, [me.data]);

  const m = mine.data?.member;
  const pending = mine.data?.requests.some((r) => r.status === 'pending');
  const edit = () =>
    m &&
    setDraft({ name: m.name, ethnicity: m.ethnicity, education: m.education ?? '', phone: '', position: m.position ?? '', reason: '' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!m || !draft) return;
    const body: Record<string, string> = { reason: draft.reason.trim() };
    if (draft.name.trim() !== m.name) body.name = draft.name.trim();
    if (draft.ethnicity !== m.ethnicity) body.ethnicity = draft.ethnicity;
    if (draft.education && draft.education !== m.education) body.education = draft.education;
    if (draft.position.trim() && draft.position.trim() !== (m.position ?? '')) body.position = draft.position.trim();
    if (draft.phone.trim()) {
      if (!isMobilePhone(draft.phone)) return setProblem('手机号码应为 11 位大陆手机号');
      body.phone = draft.phone.trim();
    }
    // the server validates with the shared schema; these checks only spare a round trip
    if (Object.keys(body).length < 2) return setProblem('请至少修改一项需要更正的内容');
    if (body.reason.length < 2) return setProblem('请说明更正原因');
    setBusy(true);
    try {
      await api('/api/me/member/corrections', { method: 'POST', body });
      setDraft(null);
      setProblem(null);
      mine.reload();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : '提交失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  const field = (k: keyof Draft) => ({
    value: draft?.[k] ?? '',
    onChange: (e: { target: { value: string } }) => draft && setDraft({ ...draft, [k]: e.target.value }),
  });

  return (
    <div className="m-page">
      <header className="m-header">
        <a className="m-link" href="/m">
          ‹ 党员之家
        </a>
        <span className="m-brand">我的档案</span>
      </header>
      {mine.loading && <p className="m-muted m-center">正在加载…</p>}
      {mine.error && <div className="m-card m-error">{mine.error}</div>}
      {m && (
        <section className="m-card" aria-label="我的档案">
          <dl className="m-dl">
            {[
              ['姓名', m.name],
              ['性别', GENDER_LABELS[m.gender]],
              ['民族', m.ethnicity],
              ['出生日期', m.birthDate],
              ['公民身份号码', m.idNumber],
              ['手机号码', m.phone ?? '—'],
              ['学历', m.education ?? '—'],
              ['人员类别', CATEGORY_LABELS[m.category]],
              ['入党日期', m.joinedOn],
              ['转为正式党员日期', m.fullMemberOn ?? '—'],
              ['所在党组织', m.orgName],
              ['党内职务', m.position ?? '—'],
            ].map(([k, v]) => (
              <div key={k} className="m-row">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {m.probationDueOn && <div className="m-warn">预备期将于 {m.probationDueOn} 届满</div>}
          {!draft && !pending && (
            <button type="button" className="m-button m-block" onClick={edit}>
              申请更正信息
            </button>
          )}
          {pending && <p className="m-muted">您有一份更正申请正在等待支部书记审核。</p>}
        </section>
      )}
      {draft && (
        <form className="m-card m-form" onSubmit={submit} aria-label="申请更正">
          <div className="m-card-title">申请更正（支部书记审核后生效）</div>
          <label>
            姓名
            <input {...field('name')} maxLength={30} />
          </label>
          <label>
            民族
            <select {...field('ethnicity')}>
              {ETHNICITIES.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </label>
          <label>
            学历
            <select {...field('education')}>
              <option value="">（不变）</option>
              {EDUCATIONS.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </label>
          <label>
            新手机号码（不改请留空）
            <input {...field('phone')} inputMode="numeric" maxLength={11} autoComplete="off" />
          </label>
          <label>
            党内职务
            <input {...field('position')} maxLength={30} />
          </label>
          <label>
            更正原因
            <textarea {...field('reason')} rows={3} maxLength={200} required />
          </label>
          {problem && (
            <p className="m-error" role="alert">
              {problem}
            </p>
          )}
          <div className="m-center">
            <button type="submit" className="m-button" disabled={busy}>
              提交申请
            </button>
            <button type="button" className="m-link" onClick={() => setDraft(null)}>
              取消
            </button>
          </div>
        </form>
      )}
      {!!mine.data?.requests.length && (
        <section className="m-card" aria-label="更正记录">
          <div className="m-card-title">更正记录</div>
          <ul className="m-list">
            {mine.data.requests.map((r) => (
              <li key={r.id}>
                <div className="m-item-title">
                  {r.changes.map((c) => c.label).join('、') || '更正'} · {STATUS[r.status]}
                </div>
                <div className="m-muted">
                  {r.createdAt.slice(0, 10)}
                  {r.decisionNote ? ` · ${r.decisionNote}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
