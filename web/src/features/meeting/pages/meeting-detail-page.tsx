import { Alert, App, Button, Card, Descriptions, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { MEETING_STATUS_LABELS, MEETING_TYPE_LABELS } from '../../../../../common/meeting.ts';
import { Attachments } from '../../../components/attachments.tsx';
import { useDownload } from '../../../lib/use-download.ts';
import { useMeeting, useMeetingActions } from '../api.ts';
import { AgendaEditor } from '../components/agenda-editor.tsx';
import { AttendancePanel } from '../components/attendance-panel.tsx';
import { FollowUps } from '../components/follow-ups.tsx';
import { RecordForm } from '../components/record-form.tsx';
import { ReviewBar } from '../components/review-bar.tsx';
import { SigninQr } from '../components/signin-qr.tsx';

/** One meeting: plan → hold → record (agenda, attendance, sections) → submit → the upper org's review; Word export. */
export default function MeetingDetailPage() {
  const { id = '' } = useParams();
  const { data: m, isPending } = useMeeting(id);
  const { hold, submit } = useMeetingActions(id);
  const { message } = App.useApp();
  const dl = useDownload();
  const [qr, setQr] = useState(false);
  if (isPending || !m) return <Spin />;
  const run = (p: Promise<unknown>, ok: string) =>
    p.then(
      () => message.success(ok),
      (e: Error) => message.error(e.message),
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={
          <Space>
            {m.title}
            <Tag>{MEETING_TYPE_LABELS[m.type]}</Tag>
            <Tag color="blue">{MEETING_STATUS_LABELS[m.status]}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {m.canEdit && ['planned', 'held'].includes(m.status) && <Button onClick={() => setQr(true)}>签到二维码</Button>}
            {m.canEdit && m.status === 'planned' && (
              <Button type="primary" onClick={() => run(hold.mutateAsync(undefined), '已标记为已召开')}>
                标记已召开
              </Button>
            )}
            {m.canEdit && ['held', 'returned'].includes(m.status) && (
              <Button type="primary" onClick={() => run(submit.mutateAsync(undefined), '记录已提交上级审核')}>
                提交审核
              </Button>
            )}
            <Button loading={dl.busy === 'docx'} onClick={() => dl.run('docx', `/api/meetings/${m.id}/docx`)}>
              导出Word
            </Button>
          </Space>
        }
      >
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="党组织">{m.orgName}</Descriptions.Item>
          <Descriptions.Item label="时间">{`${dayjs(m.startsAt).format('YYYY-MM-DD HH:mm')}—${dayjs(m.endsAt).format('HH:mm')}`}</Descriptions.Item>
          <Descriptions.Item label="地点">{m.place}</Descriptions.Item>
          <Descriptions.Item label="主持人">{m.host}</Descriptions.Item>
          <Descriptions.Item label="记录人">{m.recorder}</Descriptions.Item>
          <Descriptions.Item label="应到/实到">{`${m.counts.expected} / ${m.counts.present}`}</Descriptions.Item>
        </Descriptions>
        {m.status !== 'planned' && m.check.missing.length > 0 && (
          <Alert type="warning" showIcon message={`提交前还需补充：${m.check.missing.join('、')}`} style={{ marginTop: 8 }} />
        )}
        {m.check.flags.length > 0 && <Alert type="info" showIcon message={`提示：${m.check.flags.join('；')}`} style={{ marginTop: 8 }} />}
        <div style={{ marginTop: 12 }}>
          <ReviewBar m={m} />
        </div>
      </Card>
      <AgendaEditor m={m} />
      <AttendancePanel m={m} />
      <RecordForm m={m} />
      {m.agenda[0]?.kind === 'first_topic' && <FollowUps m={m} />}
      <Card size="small" title="附件（照片、签到表）">
        <Attachments owner={{ ownerType: 'meeting', ownerId: m.id, orgId: m.orgId }} />
      </Card>
      <SigninQr meetingId={m.id} open={qr} onClose={() => setQr(false)} />
    </Space>
  );
}
