import { useEffect, useState } from 'react';
import type { CheckinResult } from '../../../../common/study.ts';
import { post } from './study-api.ts';

/** 扫码参加课堂: the scanned link checks the member in once, then offers the way back. */
export function CheckIn({ token }: { token: string | null }) {
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!token) return setResult({ ok: false, text: '请用手机扫描课堂的签到二维码' });
    post<CheckinResult>('/api/m/study/checkin', { token }).then((r) =>
      setResult(r.ok ? { ok: true, text: `签到成功：${r.data.title}（${r.data.minutes} 分钟）` } : { ok: false, text: r.message }),
    );
  }, [token]);
  return (
    <section className="m-card m-center" aria-label="课堂签到">
      <p role="status" className={result?.ok ? 's-big' : 'm-warn'}>
        {result?.text ?? '正在签到…'}
      </p>
      <a className="m-button s-wide" href="/m/study">
        进入指尖课堂
      </a>
    </section>
  );
}
