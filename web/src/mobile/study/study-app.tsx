import { setCsrfToken } from '../../lib/api.ts';
import type { Me } from '../../lib/auth.ts';
import { useApi } from '../use-api.ts';
import { CheckIn } from './checkin.tsx';
import { QuizPage } from './quiz.tsx';
import { Reader } from './reader.tsx';
import { SelfStudyForm } from './self-study.tsx';
import { StudyHome } from './study-home.tsx';
import { TeamClassForm } from './team-class.tsx';
import './study.css';

/** The page of a /m/study path. */
function page(path: string, me: Me) {
  const [, , , kind, id] = path.split('/');
  if (kind === 'materials' && id) return <Reader id={id} />;
  if (kind === 'quizzes' && id) return <QuizPage id={id} />;
  if (kind === 'class') return <TeamClassForm me={me} />;
  if (kind === 'self') return <SelfStudyForm />;
  if (kind === 'checkin') return <CheckIn token={new URLSearchParams(window.location.search).get('t')} />;
  return <StudyHome />;
}

/** 指尖课堂 (/m/study…): the member's study on the phone — tasks, reading, quizzes, classes, hours. */
export function StudyApp() {
  const me = useApi<Me>('/api/auth/me');
  // set before the pages render: their effects (start reading, start a quiz) run before an effect of this component
  if (me.data) setCsrfToken(me.data.csrfToken);
  const home = window.location.pathname.replace(/\/$/, '') === '/m/study';
  return (
    <div className="m-page">
      <header className="m-header">
        <a className="m-link" href={home ? '/m' : '/m/study'}>
          ‹ {home ? '党员之家' : '指尖课堂'}
        </a>
        <span className="m-brand">指尖课堂</span>
      </header>
      {me.loading && <p className="m-muted m-center">正在加载…</p>}
      {me.error && (
        <div className="m-card m-error" role="alert">
          {me.error}
          <button type="button" className="m-button" onClick={me.reload}>
            重试
          </button>
        </div>
      )}
      {me.data && !me.data.user.memberId && <p className="m-card m-warn">您的账号未关联党员信息，请联系支部书记关联后再参加学习。</p>}
      {me.data?.user.memberId && page(window.location.pathname, me.data)}
    </div>
  );
}
