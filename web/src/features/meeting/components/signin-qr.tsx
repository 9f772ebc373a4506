import { useQuery } from '@tanstack/react-query';
import { Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import qrcode from 'qrcode-generator';
import type { SigninCode } from '../../../../../common/meeting.ts';
import { api } from '../../../lib/api.ts';

/** The code shown at the meeting: members scan it with the phone page (/m) to sign in, once, during the window. */
export function SigninQr({ meetingId, open, onClose }: { meetingId: string; open: boolean; onClose: () => void }) {
  const code = useQuery({
    queryKey: ['signin-code', meetingId],
    queryFn: () => api<SigninCode>(`/api/meetings/${meetingId}/signin-code`),
    enabled: open,
  });
  let img: string | null = null;
  if (code.data) {
    const qr = qrcode(0, 'M');
    qr.addData(`${window.location.origin}${code.data.url}`);
    qr.make();
    img = qr.createDataURL(8, 16);
  }
  return (
    <Modal title="扫码签到" open={open} onCancel={onClose} footer={null} width={420}>
      {code.error && <Typography.Text type="danger">{(code.error as Error).message}</Typography.Text>}
      {img && code.data && (
        <div style={{ textAlign: 'center' }}>
          <img src={img} alt="签到二维码" style={{ width: 320, height: 320 }} />
          <p>请党员用手机登录“党员之家”后扫码签到</p>
          <Typography.Text type="secondary">
            签到时间：{dayjs(code.data.opensAt).format('HH:mm')}—{dayjs(code.data.closesAt).format('HH:mm')}，每人一次
          </Typography.Text>
        </div>
      )}
    </Modal>
  );
}
